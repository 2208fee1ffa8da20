"""A second baseline: the bare 35-row table plus one plotly chart, to show plotly's own cost."""

import pandas as pd
import plotly.express as px
import streamlit as st

frame = pd.DataFrame({"state": [f"State {n}" for n in range(35)], "value": range(35)})
st.title("Baseline with a chart")
st.plotly_chart(px.bar(frame, x="state", y="value"))
st.dataframe(frame)
