from guidance.text import diff_blocks, render_markdown


def test_render_markdown_keeps_headings_lists_and_links():
    html = render_markdown("## Rubrik\n\n- ett\n- två\n\n[Företag](/foretag/)")
    assert "<h2>Rubrik</h2>" in html
    assert "<li>ett</li>" in html
    assert '<a href="/foretag/" rel="noopener noreferrer">Företag</a>' in html


def test_render_markdown_strips_script_and_javascript_links():
    html = render_markdown(
        "Hej <script>alert(1)</script>\n\n[klicka](javascript:alert(1))\n\n"
        '<img src=x onerror="alert(1)">'
    )
    assert "<script" not in html
    assert "javascript:" not in html
    assert "onerror" not in html
    assert "<img" not in html


def test_render_markdown_turns_a_top_heading_into_h2():
    assert "<h1>" not in render_markdown("# Stor rubrik")
    assert "<h2>Stor rubrik</h2>" in render_markdown("# Stor rubrik")


def test_diff_blocks_marks_changed_words_and_new_paragraphs():
    old = "Första stycket.\n\nSKL stöttar sociala företag."
    new = "Första stycket.\n\nSKR stöttar sociala företag.\n\nEtt nytt stycke."
    blocks = diff_blocks(old, new)
    assert [b.kind for b in blocks] == ["same", "changed", "added"]
    changed = [(p.kind, p.text) for p in blocks[1].parts]
    assert changed == [("del", "SKL"), ("ins", "SKR"), ("same", "stöttar sociala företag.")]
    assert blocks[2].parts[0].text == "Ett nytt stycke."


def test_diff_blocks_removed_paragraph():
    blocks = diff_blocks("Ett.\n\nTvå.", "Ett.")
    assert [b.kind for b in blocks] == ["same", "removed"]
