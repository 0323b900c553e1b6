"""The WCAG 2.1 AA checks an automated scanner cannot make, as functions over a
Playwright page. Each returns a list of problems as sentences (empty when the
page passes), so one sweep can report every page's problems at once.

- reflow (1.4.10): at 320 CSS px nothing scrolls sideways or is cut off;
- text spacing (1.4.12): with the WCAG bookmarklet's spacing no text overlaps
  other text and nothing is clipped;
- zoom 200 % (1.4.4), focus visible (2.4.7), focus order (2.4.3) and no
  keyboard trap (2.1.2): Tab through the page at 640 px (1280 px at 200 %);
- forced colours: buttons, badges, the current page and focus rings keep a
  visible edge when Windows high contrast replaces the colours;
- reduced motion: no animation, transition or smooth scroll;
- accessible names and headings, from Playwright's accessibility tree;
- input purpose (1.3.5): fields for the user's own data say what they are;
- non-text contrast (1.4.11): every field, checkbox, radio and bordered or
  filled button has an edge of at least 3:1 against what is behind it.
"""

import itertools
import re

# Not visible (screen-reader text, the honeypot, closed things) or not ours to lay out.
HIDDEN = (
    ".visually-hidden, .visually-hidden-focusable:not(:focus-within), .honeypot, [hidden], "
    "[aria-hidden='true'], script, style, noscript, template, head"
)

_JS_HELPERS = (
    f"const HIDDEN = {HIDDEN!r};"
    + """
// Hidden too: inside a box clipped down to a pixel (the usual screen-reader-only pattern).
const clippedAway = el => {
  for (let p = el; p && p !== document.body; p = p.parentElement) {
    const s = getComputedStyle(p);
    if (s.clip !== 'auto' || s.clipPath !== 'none' || s.overflow === 'hidden') {
      const r = p.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) return true;
    }
  }
  return false;
};
const skip = el => !el || el.closest(HIDDEN) !== null || clippedAway(el);
const seen = el => {
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return s.visibility === 'visible' && s.display !== 'none' && r.width > 1 && r.height > 1;
};
const describe = el => {
  const text = (el.innerText || el.value || el.getAttribute('aria-label') || '')
    .trim().replace(/\\s+/g, ' ').slice(0, 50);
  const cls = el.classList.length ? '.' + [...el.classList].slice(0, 2).join('.') : '';
  return `<${el.tagName.toLowerCase()}${cls}> "${text}"`;
};
// Scroll containers a data table may scroll sideways in (WCAG's two-dimensional exception).
const inTableScroller = el => {
  for (let p = el.parentElement; p; p = p.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(p).overflowX)) {
      return p.querySelector('table, pre') !== null;
    }
  }
  return false;
};
const clipped = el => {
  const s = getComputedStyle(el);
  const hides = v => v === 'hidden' || v === 'clip';
  if (!el.innerText || !el.innerText.trim()) return false;
  return (hides(s.overflowX) && el.scrollWidth > el.clientWidth + 1) ||
         (hides(s.overflowY) && el.scrollHeight > el.clientHeight + 1);
};
"""
)

OVERFLOW_JS = (
    "() => {"
    + _JS_HELPERS
    + """
  const W = document.documentElement.clientWidth;
  const problems = [];
  const page = document.documentElement.scrollWidth;
  if (page > W) problems.push(`the page is ${page}px wide in a ${W}px window`);
  for (const el of document.body.querySelectorAll('*')) {
    if (skip(el) || !seen(el)) continue;
    const r = el.getBoundingClientRect();
    if ((r.right > W + 1 || r.left < -1) && !inTableScroller(el)) {
      problems.push(`${describe(el)} reaches ${Math.round(r.left)}..${Math.round(r.right)}px`);
    }
    if (clipped(el)) problems.push(`${describe(el)} is cut off`);
  }
  return problems.slice(0, 10);
}"""
)

# The WCAG text-spacing bookmarklet (Steve Faulkner's), as one style sheet.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

OVERLAP_JS = (
    "() => {"
    + _JS_HELPERS
    + """
  // Every line box of every visible text node; two different text nodes'
  // boxes may touch but never overlap.
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node, id = 0;
  while ((node = walker.nextNode())) {
    const el = node.parentElement;
    if (!node.textContent.trim() || skip(el) || !seen(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width > 1 && r.height > 1) boxes.push({id, el, r});
    }
    id++;
  }
  boxes.sort((a, b) => a.r.top - b.r.top);
  const problems = [];
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].r.top < a.r.bottom - 2; j++) {
      const b = boxes[j];
      if (a.id === b.id) continue;
      const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (x > 2 && y > 2) problems.push(`${describe(a.el)} overlaps ${describe(b.el)}`);
    }
  }
  for (const el of document.body.querySelectorAll('*')) {
    if (!skip(el) && seen(el) && clipped(el)) problems.push(`${describe(el)} is cut off`);
  }
  return [...new Set(problems)].slice(0, 10);
}"""
)

TABBABLE_COUNT_JS = (
    "() => {"
    + _JS_HELPERS
    + """
  const focusable = 'a[href], button, input:not([type=hidden]), select, textarea, summary, ' +
    '[tabindex]';
  const stops = [...document.querySelectorAll(focusable)].filter(el =>
    el.tabIndex >= 0 && !el.disabled && !el.closest('[inert]') && seen(el));
  // A group of radio buttons is one stop.
  const groups = new Set();
  return stops.filter(el => {
    if (el.type !== 'radio') return true;
    const key = `${el.form ? [...document.forms].indexOf(el.form) : -1}:${el.name}`;
    if (groups.has(key)) return false;
    groups.add(key);
    return true;
  }).length;
}"""
)

START_AT_TOP_JS = """() => {
  scrollTo(0, 0);
  const marker = document.createElement('span');
  marker.id = 'a11y-start';
  marker.tabIndex = -1;
  document.body.prepend(marker);
  marker.focus({preventScroll: true});
}"""

_LABEL_JS = """const label = el => `<${el.tagName.toLowerCase()}> "${
  (el.innerText || el.value || el.getAttribute('aria-label') || el.id || '')
    .trim().replace(/\\s+/g, ' ').slice(0, 50)}"`;
"""

FOCUSED_JS = (
    "(index) => {"
    + _LABEL_JS
    + """
  const el = document.activeElement;
  const outside = [document.body, document.documentElement];
  if (!el || outside.includes(el) || el.id === 'a11y-start') return null;
  if (el.dataset.a11yTab !== undefined) return {again: Number(el.dataset.a11yTab)};
  el.dataset.a11yTab = index;
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  return {
    index,
    name: label(el),
    top: r.top + scrollY, bottom: r.bottom + scrollY,
    left: r.left + scrollX, right: r.right + scrollX,
    ring: [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(' | '),
  };
}"""
)

UNFOCUSED_RINGS_JS = """() => {
  document.activeElement && document.activeElement.blur();
  const rings = {};
  for (const el of document.querySelectorAll('[data-a11y-tab]')) {
    const s = getComputedStyle(el);
    rings[el.dataset.a11yTab] = [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow]
      .join(' | ');
  }
  return rings;
}"""

# In forced colours Chromium drops box-shadow, so a focus ring must be an outline.
FORCED_FOCUS_JS = (
    "() => {"
    + _LABEL_JS
    + """
  const problems = [];
  for (const el of document.querySelectorAll('[data-a11y-tab]')) {
    el.focus();
    const s = getComputedStyle(el);
    if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 1) {
      problems.push(`${label(el)} has no focus ring in forced colours`);
    }
  }
  document.activeElement && document.activeElement.blur();
  return problems.slice(0, 10);
}"""
)

FORCED_COLOURS_JS = (
    "() => {"
    + _JS_HELPERS
    + """
  const problems = [];
  const edged = el => {
    const s = getComputedStyle(el);
    return ['Top', 'Right', 'Bottom', 'Left'].every(side =>
      parseFloat(s[`border${side}Width`]) > 0 && s[`border${side}Style`] !== 'none' &&
      !/rgba\\(.*, 0\\)$|transparent/.test(s[`border${side}Color`]));
  };
  const marked = el => {
    const s = getComputedStyle(el);
    return s.textDecorationLine.includes('underline') || parseFloat(s.borderBottomWidth) > 0 ||
      edged(el) || Number(s.fontWeight) >= 600;
  };
  const visible = el => !skip(el) && seen(el);
  const buttons = '.btn:not(.btn-link), button:not(.btn-link), input[type=submit]';
  for (const el of document.querySelectorAll(buttons)) {
    if (visible(el) && !edged(el)) problems.push(`the button ${describe(el)} has no edge`);
  }
  for (const el of document.querySelectorAll('.badge, .tag, .status')) {
    if (visible(el) && !edged(el)) problems.push(`the badge ${describe(el)} has no edge`);
  }
  for (const el of document.querySelectorAll('.btn-link')) {
    const s = getComputedStyle(el);
    if (visible(el) && !s.textDecorationLine.includes('underline') && !edged(el)) {
      problems.push(`the link-like button ${describe(el)} is neither underlined nor edged`);
    }
  }
  // A current page that is still a link must be marked by more than colour; one
  // shown as plain text already differs from the links around it.
  for (const el of document.querySelectorAll('a[aria-current]')) {
    if (visible(el) && !marked(el)) problems.push(`the current page ${describe(el)} is not marked`);
  }
  return problems.slice(0, 10);
}"""
)

MOTION_JS = """() => {
  const seconds = list => Math.max(...list.split(',').map(
    v => parseFloat(v) * (v.trim().endsWith('ms') ? 0.001 : 1)));
  const problems = [];
  if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') {
    problems.push('the page scrolls smoothly');
  }
  for (const el of document.querySelectorAll('*')) {
    for (const pseudo of [null, '::before', '::after']) {
      const s = getComputedStyle(el, pseudo);
      const cls = typeof el.className === 'string' && el.className
        ? '.' + el.className.split(' ')[0] : '';
      const name = `<${el.tagName.toLowerCase()}${cls}>${pseudo || ''}`;
      if (s.animationName !== 'none' && seconds(s.animationDuration) > 0.01) {
        problems.push(`${name} is animated (${s.animationName})`);
      }
      if (s.transitionProperty !== 'none' && seconds(s.transitionDuration) > 0.01) {
        problems.push(`${name} has a transition (${s.transitionProperty} ${s.transitionDuration})`);
      }
    }
  }
  return [...new Set(problems)].slice(0, 10);
}"""

# Colours as the browser computes them, composited and compared (WCAG 2.x).
_COLOUR_JS = """
const paint = document.createElement('canvas').getContext('2d', {willReadFrequently: true});
// Any computed colour as [r, g, b, a] (a from 0 to 1). Chromium computes most as
// rgb()/rgba(); other notations (oklch(), color-mix()'s color(srgb ...)) are
// drawn on a canvas and read back.
const rgba = css => {
  const m = css.match(/^rgba?\\(([\\d.]+), ([\\d.]+), ([\\d.]+)(?:, ([\\d.]+))?\\)$/);
  if (m) return [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]];
  paint.clearRect(0, 0, 1, 1);
  paint.fillStyle = 'rgba(0, 0, 0, 0)';
  paint.fillStyle = css;
  paint.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = paint.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
};
// One layer painted over an opaque one, rounded to whole channels as on screen.
const over = ([r, g, b, a], [R, G, B]) =>
  [Math.round(r * a + R * (1 - a)), Math.round(g * a + G * (1 - a)),
   Math.round(b * a + B * (1 - a)), 1];
const luminance = c => {
  const [r, g, b] = c.slice(0, 3).map(v => {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a, b) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};
const hex = c => '#' + c.slice(0, 3).map(v => v.toString(16).padStart(2, '0')).join('');
"""

NON_TEXT_CONTRAST_JS = (
    "() => {"
    + _JS_HELPERS
    + _COLOUR_JS
    + """
  // The resting state: no focus ring, and no transition caught half way.
  document.activeElement && document.activeElement.blur();
  for (const a of document.getAnimations()) if (a instanceof CSSTransition) a.finish();

  // What is painted behind a control: its ancestors' background colours, the
  // translucent ones composited down to the first opaque one (or white). Only the
  // DOM ancestors count, and no background image.
  const behind = el => {
    const layers = [];
    for (let p = el.parentElement; p; p = p.parentElement) {
      const c = rgba(getComputedStyle(p).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reduceRight((below, c) => over(c, below), [255, 255, 255, 1]);
  };
  // The colours a control draws its edge with, over the background: each visible
  // border (over the control's own fill where the fill reaches under it) and the
  // fill itself. Colours equal to the background draw nothing.
  const edges = (el, back) => {
    const s = getComputedStyle(el);
    const fill = over(rgba(s.backgroundColor), back);
    const under = s.backgroundClip === 'border-box' ? fill : back;
    const borders = ['Top', 'Right', 'Bottom', 'Left']
      .filter(side => parseFloat(s[`border${side}Width`]) > 0 &&
        !['none', 'hidden'].includes(s[`border${side}Style`]))
      .map(side => rgba(s[`border${side}Color`]))
      .filter(c => c[3] > 0)
      .map(c => over(c, under));
    return [...borders, fill].filter(c => hex(c) !== hex(back));
  };
  // Out of sight though laid out: Bootstrap's .btn-check and other opacity-0 inputs
  // whose label is what is seen.
  const invisible = el => {
    for (let p = el; p; p = p.parentElement) {
      if (parseFloat(getComputedStyle(p).opacity) === 0) return true;
    }
    return /^rect\\(0px,? 0px,? 0px,? 0px\\)$/.test(getComputedStyle(el).clip);
  };
  // An empty field, a checkbox or a radio (whose value is not shown) is named by its label.
  const named = el => {
    const d = describe(el);
    const label = (el.labels && el.labels[0] ? el.labels[0].innerText
      : el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
    const textless = d.endsWith('""') || ['checkbox', 'radio'].includes(el.type);
    return textless && label ? `${d.slice(0, d.indexOf('> "') + 1)} "${label}"` : d;
  };
  const BUTTONS = 'button, .btn, input[type=submit], input[type=button], input[type=reset]';
  const CONTROLS = 'input:not([type=hidden]), select, textarea, ' + BUTTONS;
  // The browser draws these itself from its own theme; their computed border says
  // nothing about what is on screen (Chromium reports none for a native checkbox
  // even when one is set), so they are taken to pass. With appearance: none
  // (Bootstrap's .form-check-input) the border is the edge and is checked.
  const native = el => ['file', 'image', 'range', 'color'].includes(el.type) ||
    (['checkbox', 'radio'].includes(el.type) && getComputedStyle(el).appearance !== 'none');
  const problems = [];
  for (const el of document.querySelectorAll(CONTROLS)) {
    if (el.matches(':disabled, .disabled, [aria-disabled=true]') || native(el)) continue;
    if (skip(el) || !seen(el) || invisible(el)) continue;
    const back = behind(el);
    const candidates = edges(el, back);
    if (!candidates.length) {
      // A button with neither border nor fill is text, which its own contrast covers.
      if (!el.matches(BUTTONS)) problems.push(`${named(el)} has no visible edge on ${hex(back)}`);
      continue;
    }
    const best = candidates.reduce((a, b) => contrast(a, back) >= contrast(b, back) ? a : b);
    const ratio = contrast(best, back);
    if (ratio < 3) {
      const shown = (Math.floor(ratio * 10) / 10).toFixed(1);  // 2.96 is not 3.0
      problems.push(`${named(el)} edge ${hex(best)} on ${hex(back)} is ${shown}:1, needs 3:1`);
    }
  }
  return [...new Set(problems)].slice(0, 20);
}"""
)

FIELDS_JS = """() => [...document.querySelectorAll('form input, form select, form textarea')]
  .filter(el => !['hidden', 'submit', 'button', 'checkbox', 'radio'].includes(el.type))
  .map(el => ({name: el.name, type: el.type, autocomplete: el.getAttribute('autocomplete')}))"""


def reflow(page) -> list[str]:
    """1.4.10 at the current width (the sweep sets 320 px)."""
    return page.evaluate(OVERFLOW_JS)


def _no_shot(state: str) -> None:
    return None


def text_spacing(page, shoot=_no_shot) -> list[str]:
    """1.4.12: the bookmarklet's spacing, then overlapping or clipped text and
    sideways scroll. The style sheet is removed again afterwards."""
    handle = page.add_style_tag(content=TEXT_SPACING_CSS)
    try:
        shoot("text-spacing")
        return page.evaluate(OVERLAP_JS) + page.evaluate(OVERFLOW_JS)
    finally:
        handle.evaluate("el => el.remove()")


def keyboard_walk(page) -> tuple[list[dict], list[str]]:
    """Tab from the top to the end of the page: the stops in order, and the
    problems (a trap, a stop without a visible focus ring, a stop out of the
    visual order)."""
    expected = page.evaluate(TABBABLE_COUNT_JS)
    # Start from the top of the document even where a field has autofocus: Tab
    # then moves from a focused, unfocusable-by-Tab marker before everything else.
    page.evaluate(START_AT_TOP_JS)
    stops, problems = [], []
    presses, within = 0, 0  # within: presses that stayed inside one field
    while presses < expected + 40:
        presses += 1
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUSED_JS, len(stops))
        if info is None:
            break  # focus left the page: no trap
        if "again" in info and stops and info["again"] == stops[-1]["index"] and within < 6:
            within += 1  # a date field's day, month and year are stops of their own
            continue
        if "again" in info:
            if info["again"] != 0:
                problems.append(
                    f"Tab went back to stop {info['again']} instead of leaving the page"
                )
            break
        stops.append(info)
        within = 0
    else:
        problems.append(f"Tab never left the page after {presses} presses: a keyboard trap?")
    if len(stops) < expected:
        problems.append(f"only {len(stops)} of {expected} focusable elements were reached by Tab")
    page.evaluate("() => document.getElementById('a11y-start')?.remove()")
    unfocused = page.evaluate(UNFOCUSED_RINGS_JS)
    for stop in stops:
        if stop["ring"] == unfocused[str(stop["index"])] or _invisible(stop["ring"]):
            problems.append(f"{stop['name']} shows no focus ring")
    problems += _out_of_order(stops)
    return stops, problems[:10]


def _invisible(ring: str) -> bool:
    style, width, colour, shadow = ring.split(" | ")
    no_outline = style == "none" or float(width.removesuffix("px") or 0) < 1
    no_outline = no_outline or colour in ("transparent", "rgba(0, 0, 0, 0)")
    return no_outline and shadow == "none"


def _out_of_order(stops: list[dict]) -> list[str]:
    """A stop that is above the previous one and to its left is out of the visual
    (reading) order; above and to the right is a new column, which is fine."""
    problems = []
    for before, after in itertools.pairwise(stops):
        above = after["bottom"] <= before["top"] + 2
        left = after["left"] < before["left"] - 2
        same_row = after["top"] < before["bottom"] - 2 and after["bottom"] > before["top"] + 2
        if (above and left) or (same_row and after["right"] <= before["left"] + 2):
            problems.append(f"Tab goes from {before['name']} back to {after['name']}")
    return problems


def forced_colours(page, shoot=_no_shot) -> list[str]:
    """Run after ``keyboard_walk``: its stops are the focus rings checked."""
    page.emulate_media(forced_colors="active")
    try:
        shoot("forced-colours")
        page.keyboard.press("Tab")  # keyboard modality, so focus() shows :focus-visible
        return page.evaluate(FORCED_COLOURS_JS) + page.evaluate(FORCED_FOCUS_JS)
    finally:
        page.emulate_media(forced_colors="none")


def reduced_motion(page) -> list[str]:
    """The context is made with reduced_motion="reduce"."""
    return page.evaluate(MOTION_JS)


def non_text_contrast(page) -> list[str]:
    """1.4.11 for form controls at rest: unfocused (the active element is
    blurred, which changes the page's focus) and unhovered (the mouse is moved
    out of the window). The best edge counts, so a field whose bottom border
    alone reaches 3:1 passes."""
    page.mouse.move(-1, -1)
    return page.evaluate(NON_TEXT_CONTRAST_JS)


# The accessibility tree ---------------------------------------------------------

_NODE = re.compile(r'^\s*- (?P<role>[a-z]+)(?: "(?P<name>(?:[^"\\]|\\.)*)")?(?P<rest>.*)$')
_URL = re.compile(r"^\s*- /url: (?P<url>.*)$")
NAMED_ROLES = {
    "link", "button", "textbox", "searchbox", "checkbox", "radio", "combobox", "listbox",
    "spinbutton", "slider", "switch", "img", "tab", "menuitem",
}  # fmt: skip
# Link texts that say nothing out of context (WCAG 2.4.4, and Funka's advice).
VAGUE_LINKS = {
    "läs mer", "klicka här", "här", "mer", "länk", "mer info", "mer information", "gå hit",
    "read more", "click here", "here", "more", "link", "more info", "this",
}  # fmt: skip


def _unquote(line: str) -> str:
    """A snapshot line whose node YAML had to quote (its name holds a colon)."""
    indent, _, rest = line.partition("- ")
    if rest.startswith("'") and rest.rstrip(":").endswith("'"):
        rest = rest.rstrip(":")[1:-1].replace("''", "'")
    return f"{indent}- {rest}"


def names_and_headings(page) -> list[str]:
    """One h1, no skipped heading level, every control named, link texts that
    make sense alone and one destination per link text."""
    problems, levels, destinations = [], [], {}
    last_link = None
    for line in map(_unquote, page.locator("body").aria_snapshot().splitlines()):
        if url := _URL.match(line):
            if last_link is not None:
                destinations.setdefault(last_link, set()).add(url["url"].strip().strip("'\""))
            continue
        node = _NODE.match(line)
        if not node:
            continue
        role, name = node["role"], (node["name"] or "").strip()
        if role == "heading" and (level := re.search(r"\[level=(\d)\]", node["rest"])):
            levels.append((int(level[1]), name))
        if role in NAMED_ROLES and not name:
            problems.append(f"a {role} without a name ({line.strip()[:60]})")
        if role == "link":
            last_link = name
            if name.lower().strip(" .…") in VAGUE_LINKS:
                problems.append(f'the link text "{name}" says nothing on its own')
    h1s = [name for level, name in levels if level == 1]
    if len(h1s) != 1:
        problems.append(f"{len(h1s)} h1 headings: {h1s}")
    previous = 0
    for level, name in levels:
        if level > previous + 1:
            problems.append(f'the heading "{name}" is h{level} after h{previous}')
        previous = level
    for name, urls in destinations.items():
        if name and len(urls) > 1:
            problems.append(f'the link text "{name}" leads to {len(urls)} places: {sorted(urls)}')
    return problems


# Input purpose (1.3.5) ---------------------------------------------------------

# Fields for data about the person filling in the form, and the autocomplete
# tokens (WCAG 2.1 section 7) that may name them.
PURPOSES = {
    "name": {"name", "organization"},
    "contact_name": {"name"},
    "reporter_name": {"name"},
    "email": {"email"},
    "reporter_email": {"email"},
    "phone": {"tel"},
    "street_address": {"address-line1", "street-address"},
    "postal_code": {"postal-code"},
    "city": {"address-level2"},
    "website": {"url"},
    "username": {"username"},
    "password": {"current-password"},
    "old_password": {"current-password"},
    "new_password1": {"new-password"},
    "new_password2": {"new-password"},
}
# The advisors' record forms hold other people's data: the browser must not
# fill in the advisor's own name or address there.
OTHERS_DATA = re.compile(r"^/handlaggare/(foretag|partner|bevakningar)/")


def input_purpose(page, path: str) -> list[str]:
    problems = []
    for field in page.evaluate(FIELDS_JS):
        name = field["name"].rsplit("-", 1)[-1]  # formset prefixes: places-0-street_address
        if name not in PURPOSES:
            continue
        expected = {"off"} if OTHERS_DATA.match(path) else PURPOSES[name]
        if field["autocomplete"] not in expected:
            problems.append(
                f"the field {field['name']} has autocomplete={field['autocomplete']!r}, "
                f"expected one of {sorted(expected)}"
            )
    return problems
