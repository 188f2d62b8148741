"""The review page in real Chromium: keys, decisions kept as they are made, every field of a claim and
of an entity, aliases, merging, ids from content, bad input shown in the page (nothing written), and
hostile text kept as text. The server runs on 127.0.0.1 (a free port); the draft is the committed
tests/review/ministries-draft.yaml, and candidates are found by their content."""

from __future__ import annotations

import pytest
import yaml
from click.testing import CliRunner

import graph
from graph.cli import main
from graph.draft.output import dump, read_draft
from tests.browser.review_helpers import (
    MINISTRIES,
    candidates,
    entity_row,
    go_to,
    kept,
    ministries,
    quotes,
    ready,
    review_page,
    seed_folder,
    select_text,
    type_into,
)

TEXT = MINISTRIES


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return ministries(tmp_path)


def edit_draft(work, fn):
    path = work / "drafts" / "ministries.yaml"
    doc = read_draft(path.read_text(encoding="utf-8"), "d")
    fn(doc)
    path.write_text(dump(doc), encoding="utf-8")


def status_starts(page, words):
    try:
        page.wait_for_function(
            "function (w) { return document.getElementById('ag-status').textContent.startsWith(w); }",
            arg=words,
            timeout=20000,
        )
    except Exception:
        raise AssertionError(
            f"status {page.text_content('#ag-status')!r}, problems {page.text_content('#ag-problems')!r}"
        ) from None


def starts(words):
    return lambda c: quotes(c)[0].startswith(words)


def test_accept_edit_reject_new_claim_new_entity_save_reload(browser, work):
    with review_page(browser, work / "drafts" / "ministries.yaml") as (srv, page, seen):
        assert page.text_content("#ag-text") == TEXT.read_text(encoding="utf-8")
        assert page.locator("#ag-text .ag-mention").count() >= len(srv.session.doc["draft"]["mentions"]) - 1
        n = len(candidates(page))
        assert page.text_content("#ag-progress") == f"0 of {n} decided"

        go_to(page, starts("Tehran accused"))
        page.keyboard.press("a")  # accept
        go_to(page, starts("Chinese officials"))
        page.keyboard.press("r")  # reject
        go_to(page, starts("Spokeswoman"))  # edit, then accept
        page.select_option("#ag-ed-type", "SANCTION")
        page.select_option("#ag-ed-mode", "expel")
        page.select_option("#ag-ed-modality", "speculated")
        assert page.get_attribute("#ag-ed-id", "placeholder") is not None
        page.wait_for_function(
            "() => document.getElementById('ag-ed-id').placeholder === "
            "'made on save: ministries-rus-sanction-syr-by-lena-markova'"
        )  # the id follows
        page.click("#ag-accept")
        assert page.text_content("#ag-progress") == f"3 of {n} decided"
        assert page.locator("#ag-cands li.ag-selected").count() == 1

        select_text(page, "Chinese officials offered to mediate")  # a new claim from a selection
        page.keyboard.press("n")
        assert page.input_value("#ag-ed-subject") == "" and page.input_value("#ag-ed-type") == ""  # empty
        page.keyboard.press("Escape")
        page.keyboard.press("a")  # not yet: it has no subject
        assert "choose subject, type, object, modality before accepting" in page.text_content("#ag-status")
        page.select_option("#ag-ed-subject", "CHN")
        page.select_option("#ag-ed-object", "IRN")
        page.select_option("#ag-ed-type", "CONSULT")
        page.select_option("#ag-ed-mode", "third-party")
        page.select_option("#ag-ed-modality", "reported")
        page.click("#ag-accept")

        entity_row(page, "Lena Markova")  # a new entity from a new name
        page.select_option("#ag-ent-kind", "person")
        page.click("#ag-ent-accept")
        kept(page)

        page.click("#ag-save")  # Syria, the object of a claim, is not accepted
        status_starts(page, "not saved")
        assert "its object 'SYR' is not an entity of the data or one accepted here" in page.text_content("#ag-problems")
        entity_row(page, "Syria")
        page.click("#ag-ent-accept")
        page.click("#ag-save")
        status_starts(page, "saved")
        assert "saved 3 claims, 2 entities and 0 aliases" in page.text_content("#ag-status")
        assert page.text_content("#ag-problems") == ""
        ds = graph.load(work / "data")
        mine = {r.id: r for r in ds.relations(source="ministries")}
        assert set(mine) == {
            "ministries-irn-accuse-usa-by-rus",
            "ministries-rus-sanction-syr-by-lena-markova",
            "ministries-chn-consult-irn",
        }
        assert mine["ministries-rus-sanction-syr-by-lena-markova"].modality == "speculated"
        assert ds.entity("Lena Markova").kind == "person"

        page.reload()  # reload: the decisions are kept
        ready(page)
        again = {c["id"]: c["status"] for c in candidates(page)}
        assert sorted(again.values()).count("saved") == 3 and list(again.values()).count("rejected") == 1
        assert page.locator("#ag-cands .ag-st-rejected").count() == 1
        go_to(page, starts("Tehran accused"))  # a saved claim cannot change here
        assert page.input_value("#ag-ed-id") == "ministries-irn-accuse-usa-by-rus"
        assert page.is_disabled("#ag-ed-subject") and page.is_disabled("#ag-accept")
        assert seen == {"other": [], "errors": [], "dialogs": []}


def test_keys_undo_merge_and_decisions_kept_without_saving(browser, work):
    with review_page(browser, work / "drafts" / "ministries.yaml") as (srv, page, seen):
        footer = page.text_content("footer")
        for key in "arejkusnqtmgw":  # every key is shown in the page
            assert page.locator(f"footer kbd:text-is('{key}')").count() == 1, key
        assert "undo" in footer and "merge" in footer
        n = len(candidates(page))
        page.keyboard.press("j")
        page.keyboard.press("j")
        page.keyboard.press("k")
        assert page.evaluate("() => actorgraphReview.state().cur") == 1
        page.keyboard.press("a")
        page.keyboard.press("r")
        assert page.text_content("#ag-progress") == f"2 of {n} decided"
        page.keyboard.press("u")  # undo the reject
        assert page.text_content("#ag-progress") == f"1 of {n} decided"
        assert candidates(page)[2]["status"] == "draft"
        page.keyboard.press("e")
        assert page.evaluate("() => document.activeElement.id") == "ag-ed-subject"
        page.keyboard.press("Escape")

        keep = candidates(page)[1]  # (accepted above)
        go_to(page, lambda c: c["id"] != keep["id"] and quotes(c) == quotes(keep))  # one passage, twice
        other = candidates(page)[page.evaluate("() => actorgraphReview.state().cur")]["id"]
        page.keyboard.press("m")
        assert page.locator("#ag-cands .ag-marked").count() == 1
        go_to(page, lambda c: c["id"] == keep["id"])
        page.keyboard.press("g")
        assert "merged 1 into this claim" in page.text_content("#ag-status")
        assert next(c for c in candidates(page) if c["id"] == other)["status"] == "merged"
        select_text(page, quotes(keep)[0])
        page.keyboard.press("q")  # (the same words: refused)
        assert "there already" in page.text_content("#ag-status")
        select_text(page, "a Russian diplomat said on Friday")  # another passage as a second quote
        page.keyboard.press("q")
        assert page.locator("#ag-ed-quotes blockquote").count() == 2
        page.locator(".ag-remove-quote").nth(1).click()
        assert page.locator("#ag-ed-quotes blockquote").count() == 1
        assert page.is_disabled(".ag-remove-quote")  # a claim keeps one quote
        words = " ".join(quotes(keep)[0].split()[2:])  # the quote less its first two words
        select_text(page, words, "#ag-ed-quotes blockquote")
        page.keyboard.press("t")
        assert page.text_content("#ag-ed-quotes blockquote") == words
        select_text(page, "Kurram")
        page.keyboard.press("w")  # a new entity from the selection
        assert (
            page.input_value("#ag-ent-name") == "Kurram"
            and page.evaluate("() => document.activeElement.id") == "ag-ent-kind"
        )
        kept(page)

        draft = read_draft((work / "drafts" / "ministries.yaml").read_text(encoding="utf-8"), "d")
        statuses = [r["status"] for r in draft["relations"]]  # kept in the draft, unsaved
        assert statuses.count("accepted") == 1 and statuses.count("merged") == 1
        page.reload()
        ready(page)
        assert page.text_content("#ag-progress") == f"2 of {n} decided"
        assert quotes(next(c for c in candidates(page) if c["id"] == keep["id"])) == [words]
        assert [e["name"] for e in page.evaluate("() => actorgraphReview.state().ents")].count("Kurram") == 2
        assert not (work / "data" / "ministries.yaml").exists()  # nothing saved into the data
        assert seen == {"other": [], "errors": [], "dialogs": []}


def test_every_field_of_a_claim(browser, work):
    with review_page(browser, work / "drafts" / "ministries.yaml") as (srv, page, seen):
        go_to(page, starts("Tehran accused"))
        type_into(page, "#ag-ed-when", "March")
        assert page.text_content("#ag-when-msg") != ""  # not a date: said at once, not kept
        type_into(page, "#ag-ed-when", "2021-08..2025-01")
        page.fill("#ag-ed-when-to", "2026-02-01")  # the picker makes a range
        page.fill("#ag-ed-when-from", "2026-01-15")
        page.press("#ag-ed-when-from", "Escape")
        assert page.input_value("#ag-ed-when") == "2026-01-15..2026-02-01"
        page.check("#ag-ed-context input[value='diplomatic']")
        page.check("#ag-ed-context input[value='security']")
        type_into(page, "#ag-ed-polarity", "-4.5")
        type_into(page, "#ag-ed-attributes", "venue: a press briefing\ncount: 3")
        type_into(page, "#ag-ed-note", "the diplomat is not named")
        page.click("#ag-add-claimant")  # a second claimant
        page.locator("#ag-ed-claimant-list select").nth(1).select_option("CHN")
        page.click("#ag-add-claimant")
        page.locator(".ag-remove-claimant").nth(2).click()  # and one removed again
        type_into(page, "#ag-ed-id", "my-claim-1")
        page.keyboard.press("a")
        page.keyboard.press("s")
        status_starts(page, "saved")
        rel = graph.load(work / "data").relation("my-claim-1")
        assert (str(rel.when), rel.context, rel.polarity, rel.attributes, rel.note, rel.claimants) == (
            "2026-01-15..2026-02-01",
            ("diplomatic", "security"),
            -4.5,
            {"venue": "a press briefing", "count": 3},
            "the diplomat is not named",
            ("RUS", "CHN"),
        )
        assert seen["errors"] == []


def test_entities_made_edited_and_aliased_in_the_page(browser, work):
    with review_page(browser, work / "drafts" / "ministries.yaml") as (srv, page, seen):
        page.click("#ag-new-entity")  # a new entity from a button
        assert page.evaluate("() => document.activeElement.id") == "ag-ent-name"
        type_into(page, "#ag-ent-name", "Foreign Ministry of Iran")
        page.wait_for_function(
            "() => document.getElementById('ag-ent-id').placeholder === 'made on save: FOREIGN-MINISTRY-OF-IRAN'"
        )
        type_into(page, "#ag-ent-name", "Ministry of Foreign Affairs of Iran")  # the id follows the name
        page.wait_for_function(
            "() => document.getElementById('ag-ent-id').placeholder === "
            "'made on save: MINISTRY-OF-FOREIGN-AFFAIRS-OF-IRAN'"
        )
        page.select_option("#ag-ent-kind", "office")
        page.select_option("#ag-ent-part-of", "IRN")
        type_into(page, "#ag-ent-aliases", "the Iranian foreign ministry\nIran's foreign ministry")
        type_into(page, "#ag-ent-description", "Iran's foreign ministry")
        type_into(page, "#ag-ent-codes", "wikidata Q1")
        assert "codes: write one" in page.text_content("#ag-status")  # not a code line
        type_into(page, "#ag-ent-codes", "wikidata: Q1530012")
        page.click("#ag-ent-accept")
        mfa = page.evaluate("() => actorgraphReview.state().ents.slice(-1)[0].id")

        entity_row(page, "Kurram")  # an alias of a known entity, by its alias
        page.fill("#ag-alias-search", "islamab")
        assert page.locator("#ag-alias-results button").first.text_content().startswith("PAK \u2014 Pakistan")
        page.click("#ag-alias-results button[data-id='PAK']")
        assert "alias of PAK" in page.text_content("#ag-ents")
        entity_row(page, "Syria")  # the drafter's entity, edited
        type_into(page, "#ag-ent-codes", "iso3: SYR")
        page.click("#ag-ent-accept")
        entity_row(page, "Lena Markova")
        page.fill("#ag-alias-search", "ministry of foreign affairs of iran")  # an alias of an entity made here
        page.click(f"#ag-alias-results button[data-id='{mfa}']")

        go_to(page, starts("The Iranian foreign"))  # the new office as claimant
        page.locator("#ag-ed-claimant-list select").nth(0).select_option(mfa)
        page.keyboard.press("a")
        go_to(page, starts("Spokeswoman"))  # its claimant was the alias: renamed
        assert page.locator("#ag-ed-claimant-list select").nth(0).input_value() == mfa
        page.keyboard.press("a")
        page.keyboard.press("s")
        status_starts(page, "saved")
        assert "2 entities and 2 aliases" in page.text_content("#ag-status")
        ds = graph.load(work / "data")
        e = ds.entity("MINISTRY-OF-FOREIGN-AFFAIRS-OF-IRAN")
        assert (e.kind, e.part_of, e.codes, e.description) == (
            "office",
            "IRN",
            {"wikidata": "Q1530012"},
            "Iran's foreign ministry",
        )
        assert set(e.aliases) == {"the Iranian foreign ministry", "Iran's foreign ministry", "Lena Markova"}
        assert ds.entity("Kurram").id == "PAK" and ds.entity("SYR").codes == {"iso3": "SYR"}
        assert ds.relation("ministries-irn-aid-rus-by-ministry-of-foreign-affairs-of-iran").modality == "denied"
        assert seen["errors"] == []


def test_bad_input_is_shown_in_the_page_and_nothing_is_written(browser, work):
    edit_draft(work, lambda d: d["relations"][0]["evidence"][0].update(quote="words that are not in the article"))
    with review_page(browser, work / "drafts" / "ministries.yaml") as (srv, page, seen):
        assert page.locator("#ag-cands .ag-warn").count() == 1  # a quote not in the text is marked
        go_to(page, lambda c: quotes(c)[0].startswith("words that"))
        page.keyboard.press("a")
        entity_row(page, "Syria")  # an id that exists
        type_into(page, "#ag-ent-id", "PAK")
        page.click("#ag-ent-accept")
        for name in ("Office A", "Office B"):  # a part_of cycle (each made part of the other below)
            page.click("#ag-new-entity")
            type_into(page, "#ag-ent-name", name)
            page.select_option("#ag-ent-kind", "office")
            page.click("#ag-ent-accept")
        entity_row(page, "Office A")
        page.select_option("#ag-ent-part-of", label="OFFICE-B \u2014 Office B (new)")
        entity_row(page, "Office B")
        page.select_option("#ag-ent-part-of", label="OFFICE-A \u2014 Office A (new)")
        kept(page)
        before = (work / "drafts" / "ministries.yaml").read_text(encoding="utf-8")

        page.keyboard.press("s")
        status_starts(page, "not saved")
        shown = page.text_content("#ag-problems")
        assert "the id 'PAK' exists already (Pakistan)" in shown
        entity_row(page, "Syria")
        type_into(page, "#ag-ent-id", "")
        page.keyboard.press("s")
        page.wait_for_function("() => document.getElementById('ag-problems').textContent.includes('circle')")
        shown = page.text_content("#ag-problems")
        assert "part_of goes round in a circle" in shown and "quote is not verbatim" in shown
        assert not (work / "data" / "ministries.yaml").exists()

        with srv.session.lock:  # a save while another runs
            page.keyboard.press("s")
            status_starts(page, "not saved")
        assert "another save is running" in page.text_content("#ag-problems")
        assert not (work / "data" / "ministries.yaml").exists()

        (work / "drafts" / "ministries.yaml").write_text(before + "relations: [unclosed\n", encoding="utf-8")
        go_to(page, starts("Chinese"))  # the draft edited by hand, broken
        page.keyboard.press("r")
        page.wait_for_function("() => document.getElementById('ag-kept').textContent === 'NOT kept'")
        assert "cannot be read now" in page.text_content("#ag-problems")
        page.reload()
        page.wait_for_function("() => document.getElementById('ag-problems').textContent.includes('line')")
        assert not (work / "data" / "ministries.yaml").exists()
        assert (work / "drafts" / "ministries.yaml").read_text(encoding="utf-8").endswith("[unclosed\n")
        assert seen["other"] == [] and seen["dialogs"] == []


def test_several_quotes_and_a_when_from_the_draft(browser, work):
    """The draft format the drafter is growing: ``quotes`` (any number), ``when`` (text or null)."""

    def grow(d):
        d["relations"][0]["quotes"] = [d["relations"][0]["evidence"][0]["quote"], "a Russian diplomat said on Friday"]
        d["relations"][0]["when"] = "2026-03"
        d["relations"][1]["when"] = None

    edit_draft(work, grow)
    with review_page(browser, work / "drafts" / "ministries.yaml") as (srv, page, seen):
        go_to(page, starts("Tehran accused"))
        assert page.locator("#ag-ed-quotes blockquote").count() == 2
        assert page.input_value("#ag-ed-when") == "2026-03"
        assert "2 quotes" in page.text_content("#ag-cands li.ag-selected")
        assert page.locator("#ag-text .ag-current").count() >= 2  # both passages lit in the article
        page.keyboard.press("a")
        page.keyboard.press("s")
        status_starts(page, "saved")
        assert len(graph.load(work / "data").relation("ministries-irn-accuse-usa-by-rus-2026-03").evidence) == 2
        assert seen["errors"] == []


def test_hostile_text_stays_text(browser, tmp_path, monkeypatch):
    seed_folder(tmp_path)
    (tmp_path / "data" / "texts" / "hostile.txt").write_text(
        'Iran accused <img src=x onerror="window.__pwned=1"> Russia of <script>window.__pwned=2</script> lying. '
        'Dr <b>Evil</b> Markova said "Tehran" \u2019s fine.\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["draft", "data/texts/hostile.txt"])
    assert r.exit_code == 0, r.output
    with review_page(browser, tmp_path / "drafts" / "hostile.yaml") as (srv, page, seen):
        assert page.evaluate("() => window.__pwned") is None
        assert page.locator("#ag-text img, #ag-text script, #ag-text b, #ag-cands img").count() == 0
        assert "<img src=x" in page.text_content("#ag-text")
        select_text(page, '<img src=x onerror="window.__pwned=1">')
        page.keyboard.press("w")  # markup as an entity's name
        type_into(page, "#ag-ent-aliases", "<script>window.__pwned=3</script>")
        page.fill("#ag-alias-search", "<")
        page.keyboard.press("j")
        assert page.locator("#ag-ents img, #ag-ent-editor img, #ag-ed-quotes img, script:not([src])").count() == 0
        assert page.evaluate("() => window.__pwned") is None
        assert seen["other"] == [] and seen["dialogs"] == []
    saved = yaml.safe_load((tmp_path / "drafts" / "hostile.yaml").read_text(encoding="utf-8"))
    assert any(e["name"].startswith("<img") for e in saved["entities"])  # kept as text in the draft


def test_drafting_again_after_a_review_in_the_page(browser, work):
    """Memory across drafts, seen in the page: what was decided is shown decided, not proposed again."""
    r = CliRunner().invoke(main, ["draft", "data/texts/ministries.txt"])  # today's drafter
    assert r.exit_code == 0, r.output
    with review_page(browser, work / "drafts" / "ministries.yaml") as (srv, page, seen):
        first, second = candidates(page)[:2]
        page.click("#ag-cands li[data-index='0']")
        other = next(
            e["id"] for e in srv.session.state()["known"] if e["id"] not in (first["subject"], first["object"])
        )
        page.select_option("#ag-ed-object", other)  # edited...
        page.keyboard.press("a")  # ...accepted
        page.keyboard.press("r")  # the second rejected
        page.keyboard.press("s")
        status_starts(page, "saved")
    r = CliRunner().invoke(main, ["draft", "data/texts/ministries.txt"])
    assert r.exit_code == 0 and "left out 2 candidate claims decided before" in r.output, r.output
    with review_page(browser, work / "drafts" / "ministries.yaml") as (srv, page, seen):
        now = candidates(page)
        assert [c["status"] for c in now].count("saved") == 1 and [c["status"] for c in now].count("rejected") == 1
        proposed = [(c["subject"], c["type"], c["object"]) for c in now if c["status"] == "draft"]
        assert (first["subject"], first["type"], first["object"]) not in proposed  # the wrong form: not again
        assert page.locator("#ag-cands li.ag-st-saved").count() == 1
        assert page.text_content("#ag-progress") == f"2 of {len(now)} decided"


OTHER_NAMES_TEXT = """Border posts shelled, says ministry

ISLAMABAD, March 4 (constructed example): Pakistan's foreign ministry spokesman Tariq Venn said on
Tuesday that Afghan forces had shelled Pakistani border posts near Chaman. Officials in Quetta were
not available for comment.

This text is a constructed example written for actorgraph's tests; its people and events are invented.
"""


def test_names_in_no_candidate_are_shown_apart_and_can_be_added(browser, tmp_path, monkeypatch):
    """A name the draft found but no candidate uses is not proposed: the page underlines it as another
    name (dotted, with a tooltip), and selecting it and pressing w starts a new entity of that name."""
    monkeypatch.chdir(tmp_path)
    seed_folder(tmp_path)
    (tmp_path / "border.txt").write_text(OTHER_NAMES_TEXT, encoding="utf-8")
    out = CliRunner().invoke(main, ["draft", "border.txt", "data", "--published", "2026-03-04"])
    assert out.exit_code == 0, out.output
    doc = read_draft((tmp_path / "drafts" / "border.yaml").read_text(encoding="utf-8"), "d")
    other = {n["name"] for n in doc["draft"]["mentioned"]}
    proposed = {n["name"] for n in doc["draft"]["new_names"]}
    assert other and proposed and not other & proposed
    with review_page(browser, tmp_path / "drafts" / "border.yaml") as (_srv, page, seen):
        marks = page.locator("#ag-text .ag-othername")
        shown = {marks.nth(i).text_content() for i in range(marks.count())}
        assert shown == other  # every other name underlined, nothing else
        first = marks.first
        name = first.text_content()
        assert first.get_attribute("title") == f"other name: {name}"
        style = page.evaluate("el => getComputedStyle(el).borderBottomStyle", first.element_handle())
        assert style == "dotted"  # drawn apart from the proposed names (dashed) and mentions (solid)
        assert not page.locator("#ag-text .ag-newname", has_text=name).count()
        dashed = page.locator("#ag-text .ag-newname").first  # a proposed name, drawn otherwise
        assert page.evaluate("el => getComputedStyle(el).borderBottomStyle", dashed.element_handle()) == "dashed"
        select_text(page, name)
        page.keyboard.press("w")
        assert page.input_value("#ag-ent-name") == name
        assert seen == {"other": [], "errors": [], "dialogs": []}
