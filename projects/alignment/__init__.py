"""The alignment of a plan's projects to the plans of every level (the report's table 7):
the national strategy, the master plans' issues, the minister's policies of the year and
OBEC's policy areas. The planning group's pages beside the plan's frame
(/plan/<year>/manage/alignment/)."""
