"""The benchmarks' baseline: a bare Streamlit page that renders one 35-row table."""

import pandas as pd
import streamlit as st

st.title("Baseline")
st.dataframe(pd.DataFrame({"state": [f"State {n}" for n in range(35)], "value": range(35)}))
