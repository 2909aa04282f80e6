"""Every rule of the extraction as named data, in one place, split by kind.

- markup: class/id tokens, tags and ARIA roles of boilerplate boxes, and the guards no rule passes;
- boilerplate: what boxes and lines say (teasers, toolbars, contact blocks, copyright, consent, ads ...);
- paragraphs: editor tags, end markers, press-release tails, and NOISE, the table of whole-paragraph checks;
- credits: "Source:" lines, agency and photo credits, wire datelines, bylines and names;
- dates: where pages state their dates, "Published"/"Updated" labels, the date-line window;
- titles: the separators between headline, kicker and site name, and the sizes a headline is judged by.

Each rule says what it catches and why, each threshold what it stands for;
tests/test_rules_<kind>.py hold one row per case, including the cases a rule
must not fire on. A new rule goes into its module and its group, with a row.
"""
