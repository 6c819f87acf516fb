"""The planning group's pages for a plan's frame, the year's report texts and committees
(Right.MANAGE_PLAN), in the portal's own look: /plan/<year>/manage/."""
