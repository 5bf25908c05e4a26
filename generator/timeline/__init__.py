"""Timeline: the entry store on disk, one hand-editable Markdown file per happening.

``entries`` writes and reads entries (never overwriting an editor's change); ``check`` lints
them as ``file:line: message``.
"""
