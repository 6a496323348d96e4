// Strings every card renderer is tried with: in every text and link field of every corpus card.

/** Strings meant to break out of text, attributes and links. */
export const HOSTILE_STRINGS: readonly string[] = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " \tjava\nscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "[x](javascript:alert(1))",
  "**[x](data:text/html;base64,PHNjcmlwdD4=)**",
  "<at id=x onclick=alert(1)>y</at>",
  "<font color='red\" onclick=alert(1)'>z</font>",
  "<font color=red><script>alert(1)</script></font>",
  "&lt;script&gt;",
  "</div></div><script>alert(1)</script>",
  'https://ok.example/"onmouseover="alert(1)',
  "![x](javascript:alert(1))",
];
