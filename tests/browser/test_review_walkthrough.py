"""The walk-through: a constructed news report goes from its draft to valid, final claims and entities
in the review page alone (Chromium), and the saved file equals a file written by hand.

The draft is the committed tests/review/walkthrough-draft.yaml (made once with the drafter of
868bf48), so that the drafter's changes do not change this test; the steps find candidates by their
content. In the page: a name attached as an alias of a known entity, two wrong names rejected, an
office created from a selection (typed id, kind, part_of, aliases), a person with part_of the new
office, a quote trimmed, a claimant added, dates typed and picked, two candidates merged, a claim
made from scratch, the rest rejected, saved. Then `actorgraph validate` passes; no YAML was edited.
"""

from __future__ import annotations

import shutil

import yaml
from click.testing import CliRunner

from graph.cli import main
from graph.draft.output import read_draft
from tests.browser.review_helpers import (
    candidates,
    entity_row,
    go_to,
    kept,
    quotes,
    review_page,
    seed_folder,
    select_text,
    type_into,
)
from tests.conftest import ROOT

HERE = ROOT / "tests" / "review"


def test_an_article_reviewed_entirely_in_the_page(browser, tmp_path, monkeypatch):
    data = seed_folder(tmp_path)
    shutil.copy(HERE / "walkthrough.txt", data / "texts" / "walkthrough.txt")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(
        main,
        [
            "new-source",
            "data/texts/walkthrough.txt",
            "--id",
            "airspace-2026",
            "--title",
            "(constructed example) Kabul accuses Islamabad over air strikes",
            "--published",
            "2026-03-14",
        ],
    )
    assert r.exit_code == 0, r.output
    (tmp_path / "drafts").mkdir()
    shutil.copy(HERE / "walkthrough-draft.yaml", tmp_path / "drafts" / "airspace-2026.yaml")

    with review_page(browser, tmp_path / "drafts" / "airspace-2026.yaml") as (srv, page, seen):
        # -- entities ------------------------------------------------------------------------
        entity_row(page, "Islamic Emirate")  # a new name: an alias of the Taliban
        page.fill("#ag-alias-search", "taliban")
        page.click("#ag-alias-results button[data-id='TAL']")
        assert "now an alias of TAL" in page.text_content("#ag-status")
        for wrong in ("Staff Reporter", "of Defence"):  # names the drafter got wrong
            entity_row(page, wrong)
            page.click("#ag-ent-reject")

        select_text(page, "Afghanistan's Ministry of Defence")  # an office, from the article
        page.keyboard.press("w")
        assert page.input_value("#ag-ent-name") == "Afghanistan's Ministry of Defence"
        type_into(page, "#ag-ent-name", "Ministry of Defence of Afghanistan")
        page.wait_for_function(
            "() => document.getElementById('ag-ent-id').placeholder.includes('MINISTRY-OF-DEFENCE-OF-AFGHANISTAN')"
        )  # the id follows the name...
        type_into(page, "#ag-ent-id", "AFG-MOD")  # ...unless one is typed
        page.select_option("#ag-ent-kind", "office")
        page.select_option("#ag-ent-part-of", "AFG")
        type_into(page, "#ag-ent-aliases", "Afghanistan's Ministry of Defence\nMinistry of Defence")
        page.click("#ag-ent-accept")
        office = page.evaluate("() => actorgraphReview.state().ents.find(e => e.typed_id === 'AFG-MOD').id")

        entity_row(page, "Hamid Sarwari")  # a person, part of the new office
        page.select_option("#ag-ent-kind", "person")
        page.select_option("#ag-ent-part-of", office)
        type_into(page, "#ag-ent-description", "spokesman of Afghanistan's Ministry of Defence (invented)")
        page.click("#ag-ent-accept")
        assert page.locator("#ag-ents li.ag-st-accepted").count() == 2

        # -- claims --------------------------------------------------------------------------
        # the alias renamed the candidates' references: the lede's accusation is the Taliban's now
        go_to(
            page,
            lambda c: (
                c["subject"] == "TAL"
                and c["type"] == "ACCUSE"
                and c["object"] == "PAK"
                and quotes(c)[0].startswith("KABUL, March 14")
            ),
        )
        select_text(
            page,
            "The Islamic Emirate accused Pakistan on Saturday of violating Afghan airspace",
            "#ag-ed-quotes blockquote",
        )
        page.keyboard.press("t")  # trim the quote to the claim's words
        assert (
            page.text_content("#ag-ed-quotes blockquote")
            == "The Islamic Emirate accused Pakistan on Saturday of violating Afghan airspace"
        )
        lede = candidates(page)[page.evaluate("() => actorgraphReview.state().cur")]["id"]
        go_to(page, lambda c: c["subject"] == "TAL" and c["object"] == "PAK" and quotes(c)[0].startswith("Later"))
        page.keyboard.press("m")  # the same accusation again: merge
        go_to(page, lambda c: c["id"] == lede)
        page.keyboard.press("g")
        assert page.locator("#ag-ed-quotes blockquote").count() == 2
        type_into(page, "#ag-ed-when", "2026-03-14")
        page.keyboard.press("a")

        go_to(page, lambda c: c["type"] == "ASSAULT" and c["subject"] == "PAK")
        page.select_option("#ag-ed-object", "AFG")
        page.select_option("#ag-ed-mode", "aerial")
        page.locator("#ag-ed-claimant-list select").nth(0).select_option(office)  # the new office
        page.click("#ag-add-claimant")  # a second claimant
        page.locator("#ag-ed-claimant-list select").nth(1).select_option("HAMID-SARWARI")
        type_into(page, "#ag-ed-when-from", "2026-03-13")  # the date picker
        assert page.input_value("#ag-ed-when") == "2026-03-13"
        select_text(
            page,
            "Pakistani jets had struck the villages on March 13 and killed four civilians",
            "#ag-ed-quotes blockquote",
        )
        page.keyboard.press("t")
        page.keyboard.press("a")

        go_to(page, lambda c: c["type"] == "REQUEST" and c["subject"] == "PAK")
        page.select_option("#ag-ed-object", "TAL")  # "Kabul" is the Taliban's government here
        page.click("#ag-accept")

        select_text(page, "Islamabad denied that its aircraft had crossed the border")  # a claim from scratch
        page.keyboard.press("n")
        made = candidates(page)[-1]
        assert [made.get(f) for f in ("subject", "type", "object", "modality")] == [None] * 4  # it starts empty
        for field, value in (
            ("subject", "PAK"),
            ("type", "ASSAULT"),
            ("mode", "aerial"),
            ("object", "AFG"),
            ("modality", "denied"),
        ):
            page.select_option(f"#ag-ed-{field}", value)
        page.click("#ag-add-claimant")  # the claimant: the subject, proposed
        assert page.locator("#ag-ed-claimant-list select").nth(0).input_value() == "PAK"
        page.click("#ag-accept")

        while any(c["status"] == "draft" for c in candidates(page)):  # reject the rest
            go_to(page, lambda c: c["status"] == "draft")
            page.keyboard.press("r")
        assert page.text_content("#ag-progress") == f"{len(candidates(page))} of {len(candidates(page))} decided"
        kept(page)

        page.keyboard.press("s")
        page.wait_for_function("() => document.getElementById('ag-status').textContent.startsWith('saved')")
        assert "saved 4 claims, 2 entities and 1 aliases" in page.text_content("#ag-status")
        assert page.text_content("#ag-problems") == ""
        assert seen == {"other": [], "errors": [], "dialogs": []}

    saved = yaml.safe_load((data / "airspace-2026.yaml").read_text(encoding="utf-8"))
    expected = yaml.safe_load((HERE / "walkthrough-expected.yaml").read_text(encoding="utf-8"))
    assert saved == expected
    r = CliRunner().invoke(main, ["validate", "data"])
    assert r.exit_code == 0 and "valid" in r.output, r.output
    draft = read_draft((tmp_path / "drafts" / "airspace-2026.yaml").read_text(encoding="utf-8"), "d")
    assert {r["status"] for r in draft["relations"]} == {"saved", "rejected", "merged"}
