BBBBBBB BBBBBBBBBBBBBBBBBBBBBB
BBBB BBBB

BBBBB BBBBB gettext(u'För många misslyckade inloggningar')  X  _('Samverkansregistret') BBBBBBBB
BBBBB BBBBBBBBBBBBBBBBBBB
BBBBB BBBBBBBBBBBBBBBBBBB

BBBBB BBBBBBB
XXXX XXXXXXXXXXXXXXXXXX
  XXXX gettext(u'För många misslyckade inloggningar') XXXXX
  XXX gettext(u'Inloggningen är tillfälligt spärrad efter upprepade felaktiga försök. Försök igen om en timme, eller be en administratör häva spärren.') XXXX
XXXXXX
BBBBBBBB
