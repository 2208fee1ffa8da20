"""A third baseline: the bare table and one plotly chart, under the same kinds of sidebar control
as the dashboard's (a select box, pills, a date picker, two buttons, a multiselect). No data and
no logic: what any Streamlit page with a chart and these controls costs, the floor of ours."""

import datetime

import pandas as pd
import plotly.express as px
import streamlit as st

st.set_page_config(layout="wide", initial_sidebar_state="expanded")
with st.sidebar:
    st.selectbox("Language", ["English", "Español", "Português", "Français"])
    st.pills("Instruments", ["A", "B", "C", "D"], selection_mode="multi", default=["A"])
    st.date_input("Status on", datetime.date(2026, 11, 29))
    left, right = st.columns(2)
    left.button("4 June 2009")
    right.button("Today")
    st.multiselect("Groups", ["MERCOSUR", "SICA", "CARICOM"], placeholder="All")
frame = pd.DataFrame({"state": [f"State {n}" for n in range(35)], "value": range(35)})
st.title("Baseline with a chart and controls")
st.plotly_chart(px.bar(frame, x="state", y="value"))
st.dataframe(frame)
