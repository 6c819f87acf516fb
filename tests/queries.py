"""Queries every signed-in page makes beyond its own reads, added to each page's fixed
maximum: the user's offices (plans.access.user_offices: the office switcher and the current
office), the menu's rights of the user in that office (plans.access.rights_for, asked
by the main menu's "จัดการแผน" and remembered for the rest of the request), the menu's
count of the user's work queue (progress.selectors.waiting_for_user, kept in the cache under
the office's data version: the version's read and, on a fresh cache, the count), the menu's
count of
the user's unread notices (plans.notices.selectors.unread_count), and the
session's save that keeps the idle timeout moving (an UPDATE inside a savepoint in a test's
transaction; at most once a minute, so on a signed-in test client's first request). None
grows with the data."""

REQUEST_EXTRA = 8
