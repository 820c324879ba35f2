"""The presentation layer (Qt-free): from a model result and an audience to the frozen view
objects and the sentences that the window, the sheet and the command line all show.

Everything a person reads is made here, once, through gettext (:mod:`.i18n`); the window and the
sheet only lay out and paint what this package gives them.
"""
