"""Outreach Desk (反诈工作台): anti-fraud outreach talks and warning dissuasion, offline.

build.spec and the About dialog read the names below.
"""

__version__ = "0.1.0"
APP_NAME = "Outreach Desk"
APP_NAME_ZH = "反诈工作台"
ORGANISATION = "OutreachDesk"
