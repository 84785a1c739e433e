"""How the search is going: funnel, rates, time in stage, skill demand and gaps, activity."""
