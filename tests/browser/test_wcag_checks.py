"""The sweep's checks (tests/browser/wcag.py) catch what they are for: each is
shown a small page that breaks its rule, and one that keeps it."""

import pytest

from tests.browser import wcag

GOOD = """<!doctype html><html lang="sv"><head><style>
  body { margin: 0; font: 16px/1.5 sans-serif; }
  a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #000; }
  .btn { border: 1px solid #000; }
</style></head><body><main>
  <h1>Rubrik</h1><h2>Del</h2><p>Lite text om <a href="/foretag/">sociala företag</a>.</p>
  <form><label for="e">E-post</label> <input id="e" name="email" autocomplete="email">
  <button class="btn">Skicka</button></form>
</main></body></html>"""


def load(page, html: str, width: int = 320) -> None:
    page.set_viewport_size({"width": width, "height": 600})
    page.set_content(html)


def swap(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new)


def test_a_page_that_keeps_every_rule_passes_them_all(page):
    load(page, GOOD)
    assert wcag.reflow(page) == []
    assert wcag.text_spacing(page) == []
    assert wcag.names_and_headings(page) == []
    assert wcag.input_purpose(page, "/kontakt/") == []
    assert wcag.reduced_motion(page) == []
    stops, problems = wcag.keyboard_walk(page)
    assert (len(stops), problems) == (3, [])
    assert wcag.forced_colours(page) == []
    assert wcag.non_text_contrast(page) == []


def test_reflow_finds_sideways_scroll_and_cut_off_text(page):
    load(
        page,
        swap(
            "<h2>Del</h2>",
            '<div style="width: 500px">Bred</div>'
            '<p style="width: 60px; overflow: hidden; white-space: nowrap">Avskuren text</p>',
        ),
    )
    problems = wcag.reflow(page)
    assert any("500px wide" not in p and "reaches" in p for p in problems)
    assert any("is cut off" in p for p in problems)


def test_text_spacing_finds_text_that_overlaps(page):
    overlapping = (
        '<div style="height: 20px; line-height: 20px">Första raden med text</div>'
        '<div style="height: 20px; margin-top: -2px">Andra raden</div>'
    )
    load(page, swap("<h2>Del</h2>", f'<div style="width: 120px">{overlapping}</div>'))
    assert wcag.text_spacing(page) != []


def test_the_keyboard_walk_finds_a_missing_focus_ring_a_trap_and_a_wrong_order(page):
    load(page, swap("a:focus-visible,", "a:focus-visible { outline: none; } x,"), width=640)
    _stops, problems = wcag.keyboard_walk(page)
    assert problems == ['<a> "sociala företag" shows no focus ring']

    load(
        page,
        GOOD.replace(
            "</main>",
            """</main><script>
      document.getElementById('e').addEventListener('keydown', e => {
        if (e.key === 'Tab') { e.preventDefault(); }
      });</script>""",
        ),
        width=640,
    )
    _stops, problems = wcag.keyboard_walk(page)
    assert any("keyboard trap" in p or "instead of leaving" in p for p in problems)

    load(
        page,
        swap(
            '<button class="btn">',
            '<button class="btn" style="position: absolute; top: 0; left: 0">',
        ),
        width=640,
    )
    _stops, problems = wcag.keyboard_walk(page)
    assert any(p.startswith("Tab goes from") for p in problems)


def test_forced_colours_finds_a_button_without_an_edge_and_a_shadow_only_focus_ring(page):
    load(
        page,
        swap(
            ".btn { border: 1px solid #000; }",
            ".btn { border: 0; background: #123; color: #fff; } "
            "button:focus-visible { outline: none; box-shadow: 0 0 0 3px #000; }",
        ),
    )
    wcag.keyboard_walk(page)
    problems = wcag.forced_colours(page)
    assert any("has no edge" in p for p in problems)
    assert any("no focus ring in forced colours" in p for p in problems)


def test_reduced_motion_finds_animations_transitions_and_smooth_scroll(browser):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    load(
        page,
        swap(
            "body { margin: 0;",
            "html { scroll-behavior: smooth; } "
            "@keyframes spin { to { rotate: 1turn; } } h1 { animation: spin 2s infinite; } "
            "a { transition: color 0.3s; } body { margin: 0;",
        ),
    )
    problems = wcag.reduced_motion(page)
    context.close()
    assert "the page scrolls smoothly" in problems
    assert any("is animated (spin)" in p for p in problems)
    assert any("has a transition (color 0.3s)" in p for p in problems)


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("<h1>Rubrik</h1>", "", "0 h1 headings"),
        ("<h2>Del</h2>", "<h3>Del</h3>", 'the heading "Del" is h3 after h1'),
        ("sociala företag</a>", "Läs mer</a>", 'the link text "Läs mer" says nothing on its own'),
        (">Skicka</button>", "></button>", "a button without a name"),
        (
            "</p>",
            ' <a href="/partner/">sociala företag</a></p>',
            'the link text "sociala företag" leads to 2 places',
        ),
    ],
)
def test_names_and_headings_finds_each_kind_of_problem(page, old, new, problem):
    load(page, swap(old, new))
    assert any(p.startswith(problem) for p in wcag.names_and_headings(page))


def test_input_purpose_wants_the_right_token_for_the_users_own_data(page):
    load(page, swap('autocomplete="email"', ""))
    assert wcag.input_purpose(page, "/kontakt/") == [
        "the field email has autocomplete=None, expected one of ['email']"
    ]
    load(page, GOOD)  # an advisor's record form: the record's e-mail, not the advisor's
    assert wcag.input_purpose(page, "/handlaggare/foretag/1/") == [
        "the field email has autocomplete='email', expected one of ['off']"
    ]


def test_non_text_contrast_finds_a_pale_control_edge(page):
    controls = """
      <label for="pale">Blek</label> <input id="pale" style="border: 1px solid #dee2e6">
      <div style="background: #f6f3ec; padding: 1rem">
        <select style="border: 1px solid #e0dbcf; background: #fff"><option>Sand</option></select>
        <div style="background: rgba(0, 0, 0, 0.5); padding: 1rem">
          <input aria-label="Halvskugga" style="border: 2px solid #595959; background: none">
        </div>
      </div>
      <input aria-label="Kantlös" style="border: 0; background: #fff">
      <input aria-label="Ljus ruta" type="checkbox"
        style="appearance: none; width: 1rem; height: 1rem; border: 1px solid #dee2e6">
      <input aria-label="Inbyggd ruta" type="checkbox">
      <input aria-label="Understruken" style="border: 1px solid #eee; border-bottom-color: #000">
      <input aria-label="Avstängd" disabled style="border: 1px solid #eee">
      <a class="btn" href="/" style="border: 0; background: #1b4a72; color: #fff">Sök</a>
      <button style="border: 0; background: transparent">Rensa</button>
    """
    html = swap("</form>", f"</form>{controls}").replace(
        "</style>", "#pale:focus { border-color: #000; } </style>"
    )
    load(page, html)
    page.focus("#pale")  # checked at rest all the same

    assert wcag.non_text_contrast(page) == [
        '<input> "Blek" edge #dee2e6 on #ffffff is 1.3:1, needs 3:1',
        '<select> "Sand" edge #e0dbcf on #f6f3ec is 1.2:1, needs 3:1',
        # Half-transparent black over sand is #7b7a76: the border fails against that.
        '<input> "Halvskugga" edge #595959 on #7b7a76 is 1.6:1, needs 3:1',
        '<input> "Kantlös" has no visible edge on #ffffff',
        '<input> "Ljus ruta" edge #dee2e6 on #ffffff is 1.3:1, needs 3:1',
    ]
