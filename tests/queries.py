"""Queries every signed-in page makes beyond its own reads, added to each page's fixed
maximum: the user's offices (plans.access.user_offices: the office switcher and the current
office), and the session's save that keeps the idle timeout moving (an UPDATE inside a
savepoint in a test's transaction; at most once a minute, so on a signed-in test client's
first request). Neither grows with the data."""

REQUEST_EXTRA = 4
