"""Phone numbers as links."""


def tel_href(number: str) -> str:
    """The digits (and a leading +) of a number as written ("08-570 90 85"),
    for a tel: link: "tel:085709085"."""
    digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if digits else ""
