"""Notices to people (การแจ้งเตือน): the in-portal list, each user's preferences, and the
e-mail of each notice sent once after the transaction that wrote it commits.

Who is told of what is decided by the app where it happens (progress/notices.py for the
quarterly reports and their deadlines, plans/people/services.py for a password-reset link);
they call `services.notify` inside their own transaction.
"""
