"""The web face of turnover: dashboard pages, JSON API and the review view.

`turnover.web.app.create_app(db_path)` builds the FastAPI application;
`turnover.review` renders the review view that the article page and the
`turnover review` command share.
"""
