"""Questions a researcher would ask about the source article, answered through the public API.

Each test asks one question of release ``cc-2016-2`` (Yu Bin, "China-Russia Relations:
Politics of 'Reluctant Allies'", Comparative Connections 18(2), Sept. 2016) using only
``sinorussia``'s public interface, and asserts the answer the article gives (or, where the
article contradicts itself, the reading the release adopts and documents). The release is
loaded by id, so plugin releases installed beside it cannot change the answers.
"""

from __future__ import annotations

import pytest

import sinorussia as sr


@pytest.fixture(scope="module")
def cc() -> sr.Dataset:
    """The cc-2016-2 release on its own."""
    return sr.load("cc-2016-2")


def _stances(cc: sr.Dataset, **filters: object) -> dict[str, str]:
    """Actor id -> stance value of the positions matching ``filters``."""
    return {p.actor: p.stance.value for p in cc.positions(**filters)}


def _figure(cc: sr.Dataset, text: str, **filters: object) -> sr.Figure:
    """The single figure whose description mentions ``text``."""
    (found,) = [f for f in cc.figures(**filters) if text.casefold() in f.description.casefold()]
    return found


# ------------------------------------------------------------ Putin's June 2016 visit


def test_contracts_signed_during_putins_visit(cc: sr.Dataset) -> None:
    """How many contracts were signed during Putin's June 2016 visit? More than 30."""
    (figure,) = cc.figures(unit="contracts")
    assert (30, sr.Qualifier.MORE_THAN, "2016-china-russia-contracts") == (figure.value, figure.qualifier, figure.about)


def test_putins_visit_date_place_and_host(cc: sr.Dataset) -> None:
    """When and where did Putin visit China, and who hosted him? Beijing, June 25, 2016; China (Xi)."""
    (visit,) = cc.events(on="2016-06-25", kind="visit", match="within")
    assert ("2016-06-25-putin-visits-beijing", "Beijing", "042") == (visit.id, visit.location, visit.cameo)
    assert {"CHN", "xi-jinping", "li-keqiang", "zhang-dejiang"} == set(visit.recipients)


def test_putins_visit_length_and_ordinal(cc: sr.Dataset) -> None:
    """How long did Putin stay, and which visit to China as president was it? Under 24 hours; his 15th."""
    hours = _figure(cc, "time putin spent in china", unit="hours")
    ordinal = _figure(cc, "15th visit", unit="visits")
    assert (24, sr.Qualifier.LESS_THAN, 15) == (hours.value, hours.qualifier, ordinal.value)


def test_what_the_media_called_the_visit(cc: sr.Dataset) -> None:
    """What did Russian and Chinese media call the visit? A "speedboat to China" and a "hurricane visit"."""
    summary = cc.lookup("2016-06-25-putin-visits-beijing").summary
    assert (True, True) == ("speedboat to China" in summary, "hurricane visit" in summary)


def test_putins_delegation_size(cc: sr.Dataset) -> None:
    """How many people did Putin bring with him to Beijing? More than 200."""
    figure = cc.lookup("putin-delegation-size")
    assert (200, "people", sr.Qualifier.MORE_THAN) == (figure.value, figure.unit, figure.qualifier)


def test_three_joint_statements_of_june_25(cc: sr.Dataset) -> None:
    """What were the three joint statements Xi and Putin signed on June 25, 2016?"""
    signed = cc.documents(kind="joint_statement", party="CHN", on="2016-06-25", match="within")
    assert {
        "2016-china-russia-joint-statement",
        "2016-joint-statement-global-strategic-stability",
        "2016-joint-statement-information-cyberspace",
    } == {d.id for d in signed}
    assert {("vladimir-putin", "xi-jinping")} == {tuple(sorted(d.signatories)) for d in signed}


def test_length_of_the_joint_governmental_statement(cc: sr.Dataset) -> None:
    """How long was the joint governmental statement? Over 8,000 Chinese characters."""
    (figure,) = cc.figures(unit="characters")
    assert (8000, sr.Qualifier.MORE_THAN, "2016-china-russia-joint-statement") == (
        figure.value,
        figure.qualifier,
        figure.about,
    )


def test_who_signed_the_declaration_on_international_law(cc: sr.Dataset) -> None:
    """Who signed the Joint Declaration on Promotion and Principles of International Law? The two foreign ministers."""
    (declaration,) = cc.documents(kind="declaration", party="CHN", on="2016-06-25", match="within")
    assert "Joint Declaration on Promotion and Principles of International Law" == declaration.title
    assert ("declaration", {"sergei-lavrov", "wang-yi"}, "south-china-sea-disputes" in declaration.issues) == (
        declaration.kind.value,
        set(declaration.signatories),
        True,
    )


def test_eaeu_china_memorandum(cc: sr.Dataset) -> None:
    """What did the two sides sign on the Eurasian Economic Union? A memorandum on a possible EAEU-China agreement."""
    memo = cc.lookup("2016-eaeu-china-agreement-memorandum")
    assert ("memorandum", "2016-06-25") == (memo.kind.value, str(memo.date))


def test_friendship_treaty_year_and_anniversary(cc: sr.Dataset) -> None:
    """When was the Friendship Treaty signed, and which anniversary did Xi and Putin mark? 2001; the 15th."""
    treaty = cc.lookup("2001-china-russia-friendship-treaty")
    anniversary = cc.lookup("friendship-treaty-anniversary")
    assert ("2001", "Friendship Treaty", 15) == (str(treaty.date), treaty.aliases[0], anniversary.value)


def test_support_mentioned_18_times(cc: sr.Dataset) -> None:
    """How often do the joint statements mention "support", per the Global Times editorial? 18 times."""
    (figure,) = cc.figures(unit="mentions")
    assert (18, "2016-global-times-editorial-not-alliance") == (figure.value, figure.about)


# ------------------------------------------------------------ The Tashkent summit


def test_who_chaired_the_tashkent_summit(cc: sr.Dataset) -> None:
    """Who chaired the SCO's Tashkent summit? Uzbekistan's President Islam Karimov."""
    summit = cc.lookup("2016-06-23-sco-tashkent-summit")
    chairs = [a for a in summit.actors if "chair of the Tashkent summit" in (cc.actor(a).title or "")]
    assert ["islam-karimov"] == chairs


def test_summit_dates_discrepancy(cc: sr.Dataset) -> None:
    """What discrepancy exists about the summit dates? Text June 22-23 vs chronology June 23-24; the latter held."""
    (discrepancy,) = cc.discrepancies(record="2016-06-23-sco-tashkent-summit")
    readings = {r.value for r in discrepancy.readings}
    held = str(cc.lookup("2016-06-23-sco-tashkent-summit").when)
    assert ({"2016-06-22/2016-06-23", "2016-06-23/2016-06-24"}, "2016-06-23/2016-06-24", "2016-06-23/2016-06-24") == (
        readings,
        discrepancy.adopted,
        held,
    )


def test_documents_signed_at_the_summit(cc: sr.Dataset) -> None:
    """What did SCO leaders sign at Tashkent? The declaration, resolutions on the 2016-2020 action plan, two reports."""
    signing = cc.lookup("2016-06-sco-leaders-sign-tashkent-declaration")
    assert {
        "2016-tashkent-declaration",
        "2016-sco-action-plan-2016-2020",
        "2016-sco-resolutions-approving-action-plan",
        "2016-sco-secretary-general-report",
        "2016-sco-rats-report",
    } == set(signing.documents)


def test_india_pakistan_memoranda(cc: sr.Dataset) -> None:
    """Which memoranda were signed at Tashkent for India and Pakistan? Memoranda of obligations to join the SCO."""
    memoranda = cc.documents(kind="memorandum", party="sco")
    assert {"2016-india-sco-memorandum-of-obligations", "2016-pakistan-sco-memorandum-of-obligations"} == {
        d.id for d in memoranda
    }


def test_india_status_on_summit_day(cc: sr.Dataset) -> None:
    """What was India's SCO status on June 24, 2016? Acceding (observer since 2005, accession begun 2015)."""
    assert sr.MembershipStatus.ACCEDING == cc.sco_status("IND", on="2016-06-24")
    assert {"observer": "2005/..", "acceding": "2015/.."} == {
        m.status.value: str(m.period) for m in cc.memberships(member="IND")
    }


def test_when_iran_became_an_observer_and_applied(cc: sr.Dataset) -> None:
    """When did Iran become an SCO observer, and when did it apply for membership? 2005 and 2008."""
    periods = {m.status.value: str(m.period) for m in cc.memberships(member="IRN")}
    assert {"observer": "2005/..", "applicant": "2008/.."} == periods
    assert sr.MembershipStatus.APPLICANT == cc.sco_status("IRN", on="2016-06-24")


def test_sco_roster_on_june_24_2016(cc: sr.Dataset) -> None:
    """Who were the SCO's members, observers and dialogue partners on June 24, 2016 (the "triple-6")?"""
    roster = cc.sco_roster(on="2016-06-24")
    ids = {status.value: [a.id for a in actors] for status, actors in roster.items()}
    assert {
        "member": ["CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"],
        "acceding": ["IND", "PAK"],
        "applicant": ["IRN"],
        "observer": ["AFG", "BLR", "MNG"],
        "dialogue_partner": ["ARM", "AZE", "KHM", "LKA", "NPL", "TUR"],
    } == ids


def test_sco_share_of_world_population_and_output(cc: sr.Dataset) -> None:
    """What shares of world population and output did Putin cite for the SCO's triple-6? 45% and over 16%."""
    population = _figure(cc, "population", unit="percent", actor="vladimir-putin")
    output = _figure(cc, "gross global product", unit="percent", actor="vladimir-putin")
    assert ((45, sr.Qualifier.EXACT), (16, sr.Qualifier.MORE_THAN)) == (
        (population.value, population.qualifier),
        (output.value, output.qualifier),
    )


def test_where_putin_gave_his_summit_speech(cc: sr.Dataset) -> None:
    """Where did Putin speak to the SCO's expanded session? Tashkent; the article's "Bishkek" is recorded as a slip."""
    speech = cc.lookup("2016-06-putin-speech-sco-summit")
    (discrepancy,) = cc.discrepancies(record=speech.id)
    assert ("Tashkent", "Tashkent", {"Bishkek", "Tashkent"}) == (
        speech.location,
        discrepancy.adopted,
        {r.value for r in discrepancy.readings},
    )


def test_russias_stance_on_iran_and_who_voiced_it(cc: sr.Dataset) -> None:
    """What was Russia's stance on Iran's SCO accession, and which Russians voiced it? Russia proposed it."""
    assert {"RUS": "propose"} == _stances(cc, actor="RUS", issue="iran-sco-accession")
    voices = {p.actor for p in cc.positions(issue="iran-sco-accession") if cc.actor(p.actor).country == "RUS"}
    assert {"vladimir-putin", "sergei-lavrov", "bakhtiyer-khakimov"} == voices


def test_chinas_stance_on_iran(cc: sr.Dataset) -> None:
    """What was China's stance on Iran's accession? Cautious; Xi did not mention Iran."""
    assert {"CHN": "cautious", "xi-jinping": "cautious"} == _stances(
        cc, actor=["CHN", "xi-jinping"], issue="iran-sco-accession"
    )


def test_sco_expansion_divides_moscow_and_beijing(cc: sr.Dataset) -> None:
    """Do Beijing and Moscow diverge on SCO expansion? Yes: China cautious, Russia supportive."""
    divergence = next(d for d in cc.divergences("CHN", "RUS") if d.issue.id == "sco-expansion")
    assert ({"cautious"}, {"support"}) == (
        {p.stance.value for p in divergence.first},
        {p.stance.value for p in divergence.second},
    )


def test_karimovs_concern_about_expansion(cc: sr.Dataset) -> None:
    """What did Karimov fear from expansion? He was cautious: a possible source of stagnation and decline."""
    (position,) = cc.positions(actor="islam-karimov", issue="sco-expansion")
    assert ("cautious", True) == (position.stance.value, "stagnation" in position.summary)


def test_xis_five_points(cc: sr.Dataset) -> None:
    """How many points did Xi make in his summit speech? Five, with SCO expansion last."""
    figure = _figure(cc, "points xi jinping made")
    assert (5, "2016-06-xi-speech-sco-summit") == (figure.value, figure.about)


def test_who_opposes_the_sco_free_trade_zone(cc: sr.Dataset) -> None:
    """Which states oppose the SCO free trade zone, and which favour China's idea? Russia and Uzbekistan oppose."""
    stances = _stances(cc, issue="sco-free-trade-zone")
    assert {"RUS", "UZB"} == {a for a, s in stances.items() if s == "oppose"}
    assert {"KAZ", "KGZ", "TJK"} == {a for a, s in stances.items() if s == "support"}
    assert "propose" == stances["CHN"]


def test_sco_development_bank(cc: sr.Dataset) -> None:
    """Who proposed an SCO development bank and when, and who opposes Russia's alternative? China, 2010; Uzbekistan."""
    (proposal,) = cc.events(kind="plan", actor="CHN", text="development bank")
    assert ("2010", "oppose") == (str(proposal.when), _stances(cc, issue="sco-development-bank")["UZB"])


def test_rats_results(cc: sr.Dataset) -> None:
    """What did RATS help achieve in its second three-year phase? Over 440 bases, 654 IEDs, 46 tons of explosives."""
    results = {f.unit: (f.value, f.qualifier.value) for f in cc.figures(actor="sco-rats")}
    assert {
        "bases": (440, "more_than"),
        "devices": (654, "exact"),
        "tons": (46, "exact"),
        "firearms": (5000, "more_than"),
    } == {unit: results[unit] for unit in ("bases", "devices", "tons", "firearms")}


def test_china_russia_mongolia_meeting(cc: sr.Dataset) -> None:
    """Which trilateral meeting was held on the summit's sidelines, and what did it sign? The third; a corridor plan."""
    meeting = cc.lookup("2016-06-23-china-russia-mongolia-trilateral-meeting")
    plan = cc.lookup("2016-china-russia-mongolia-economic-corridor-plan")
    ordinal = cc.lookup("china-russia-mongolia-tripartite-meeting-ordinal")
    assert ("2016-06-23", "Tashkent", 3, {"xi-jinping", "vladimir-putin", "tsakhia-elbegdorj"}) == (
        str(meeting.when),
        meeting.location,
        ordinal.value,
        set(plan.signatories),
    )


def test_roadmap_projects(cc: sr.Dataset) -> None:
    """How many investment projects made up the 2015 China-Russia-Mongolia road map, signed where? 32; at Ufa."""
    figure = cc.lookup("china-russia-mongolia-roadmap-projects")
    signing = cc.lookup("2015-china-russia-mongolia-roadmap-signed")
    assert (32, "projects", "Ufa") == (figure.value, figure.unit, signing.location)


# ------------------------------------------------------------ South China Sea


def test_russian_positions_on_the_south_china_sea(cc: sr.Dataset) -> None:
    """What did Zakharova say on June 10? Russia sides with no party; third-party involvement raises tensions."""
    assert {"south-china-sea-disputes": "neutral", "external-interference-in-south-china-sea": "oppose"} == {
        p.issue: p.stance.value for p in cc.positions(actor="maria-zakharova", on="2016-06-10")
    }


def test_denisovs_remark_date(cc: sr.Dataset) -> None:
    """When did Ambassador Denisov blame outside interference? On "the day of the SCO Summit": June 23 or 24."""
    event = cc.lookup("2016-06-24-denisov-blames-outside-interference-scs")
    (discrepancy,) = cc.discrepancies(record=event.id)
    assert ("2016-06-23/2016-06-24", "2016-06-23/2016-06-24") == (str(event.when), discrepancy.adopted)


def test_sco_foreign_ministers_meeting_dates(cc: sr.Dataset) -> None:
    """When did the SCO foreign ministers meet? Printed May 20-22 (held); text May 24; officially May 23-24."""
    event = cc.lookup("2016-05-20-sco-foreign-ministers-meeting-tashkent")
    (discrepancy,) = cc.discrepancies(record=event.id)
    assert (
        "2016-05-20/2016-05-22",
        "2016-05-20/2016-05-22",
        {"2016-05-20/2016-05-22", "2016-05-24", "2016-05-23/2016-05-24"},
    ) == (str(event.when), discrepancy.adopted, {r.value for r in discrepancy.readings})


def test_warships_near_the_diaoyu_senkaku_islands(cc: sr.Dataset) -> None:
    """How many warships entered the contiguous zone near the Diaoyu/Senkaku Islands on June 9? 1 Chinese, 3 Russian."""
    counts = {f.actors[0]: f.value for f in cc.figures(unit="warships", on="2016-06-09")}
    assert {"CHN": 1, "RUS": 3} == counts


def test_tashkent_declaration_on_the_south_china_sea(cc: sr.Dataset) -> None:
    """What does the Tashkent Declaration say on maritime disputes? Resolve them without external interference."""
    declaration = cc.lookup("2016-tashkent-declaration")
    assert (True, True) == (
        any("without their internationalization and external interference" in e for e in declaration.excerpts),
        "external-interference-in-south-china-sea" in declaration.issues,
    )


def test_planned_south_china_sea_naval_exercise(cc: sr.Dataset) -> None:
    """When was the first China-Russia naval exercise in the South China Sea planned for? September 2016."""
    (planned,) = cc.events(text="naval exercise in the South China Sea", on="2016-09-15")
    assert ("2016-09", "plan") == (str(planned.when), planned.kind.value)


# ------------------------------------------------------------ Exercises and the chronology


def test_exercise_of_may_26_28(cc: sr.Dataset) -> None:
    """Which exercise was held May 26-28, 2016, and where? Aerospace Security 2016, in Moscow."""
    (exercise,) = cc.events(between=("2016-05-26", "2016-05-28"), match="within", kind="exercise")
    assert ("2016-05-26-aerospace-security-2016", "Moscow", "062") == (exercise.id, exercise.location, exercise.cameo)


def test_where_peace_mission_2016_was_to_be_held(cc: sr.Dataset) -> None:
    """Where was the SCO's Peace Mission 2016 exercise to be held? In Kyrgyzstan."""
    (plan,) = cc.events(text="Peace Mission 2016", kind="plan")
    assert ("Kyrgyzstan", "KGZ", "2016") == (plan.location, plan.country, str(plan.when))


def test_cooperation_2016_training(cc: sr.Dataset) -> None:
    """Who held the Cooperation 2016 joint training, and when? Russia's National Guard and China's PAP, July 3-16."""
    (exercise,) = cc.events(kind="exercise", text="Cooperation 2016")
    assert ("2016-07-03/2016-07-16", {"russian-national-guard", "peoples-armed-police"}) == (
        str(exercise.when),
        set(exercise.actors) & {"russian-national-guard", "peoples-armed-police"},
    )


def test_chronology_has_22_entries_and_one_out_of_order(cc: sr.Dataset) -> None:
    """How many chronology entries are there, and which is printed out of order? 22; Liu Yandong's visit, 13th."""
    entries = cc.events(chronology=True)
    (discrepancy,) = cc.discrepancies(record="2016-06-03-liu-yandong-visits-russia")
    entry = cc.lookup("2016-06-03-liu-yandong-visits-russia")
    assert (22, 13, "13") == (len(entries), entry.chronology_order, discrepancy.adopted)


def test_strategic_consultation_co_chairs(cc: sr.Dataset) -> None:
    """Who co-chaired the 18th China-Russia military strategic consultation, where? Sun Jianguo, Rudskoy; Beijing."""
    event = cc.lookup("2016-05-24-china-russia-military-strategic-consultation")
    assert ({"sun-jianguo", "sergey-rudskoy"}, "Beijing") == (
        {"sun-jianguo", "sergey-rudskoy"} & {*event.actors, *event.recipients},
        event.location,
    )


def test_thaad_concern_of_july_28(cc: sr.Dataset) -> None:
    """Who voiced serious concern over THAAD at the July 28 Moscow meeting? Kong Xuanyou and Igor Morgulov."""
    assert {"kong-xuanyou": "oppose", "igor-morgulov": "oppose"} == _stances(
        cc, issue="thaad-deployment", on="2016-07-28", match="within"
    )


def test_medvedev_li_meeting(cc: sr.Dataset) -> None:
    """Where did Medvedev and Li Keqiang meet on July 15, 2016? At the ASEM summit in Ulaanbaatar."""
    (meeting,) = cc.events(on="2016-07-15", actor="dmitry-medvedev")
    assert ("Ulaanbaatar", "MNG", {"dmitry-medvedev", "li-keqiang"}) == (
        meeting.location,
        meeting.country,
        {"dmitry-medvedev", "li-keqiang"} & set(meeting.actors),
    )


# ------------------------------------------------------------ Two Eurasian integrations


def test_silk_road_economic_belt_launch(cc: sr.Dataset) -> None:
    """When and where did Xi launch the Silk Road Economic Belt? September 2013, in Kazakhstan."""
    launch = cc.lookup("2013-09-xi-launches-silk-road-economic-belt")
    maritime = cc.lookup("2013-10-xi-proposes-maritime-silk-road")
    assert ("2013-09", "KAZ", "2013-10") == (str(launch.when), launch.country, str(maritime.when))


def test_silk_road_fund_and_aiib(cc: sr.Dataset) -> None:
    """How much did China pledge to the Silk Road Fund, and the AIIB's initial capital? $40 and $100 billion."""
    fund = cc.lookup("silk-road-fund-contribution")
    aiib = cc.lookup("aiib-initial-capital")
    assert ((40_000_000_000, "USD", "2014-11"), 100_000_000_000) == (
        (fund.value, fund.unit, str(fund.when)),
        aiib.value,
    )


def test_belt_and_road_participation_investment_jobs(cc: sr.Dataset) -> None:
    """How many participants, how much investment, how many jobs had the Belt and Road by the summit?"""
    values = {f.unit: (f.value, f.qualifier.value) for f in cc.figures(text="Belt and Road")}
    assert {
        "countries and organizations": (70, "more_than"),
        "USD": (14_000_000_000, "exact"),
        "jobs": (60_000, "about"),
    } == {unit: values[unit] for unit in ("countries and organizations", "USD", "jobs")}


def test_xis_january_2016_trip(cc: sr.Dataset) -> None:
    """Which countries did Xi visit in January 2016? Saudi Arabia, Egypt and Iran."""
    (trip,) = cc.events(kind="visit", actor="xi-jinping", between=("2016-01-01", "2016-01-31"), match="within")
    assert {"SAU", "EGY", "IRN"} == set(trip.recipients)


def test_morgulov_integration_of_integrations(cc: sr.Dataset) -> None:
    """Who officially articulated the EEU-SCO-ASEAN partnership, when and where? Morgulov, May 17, 2016, Sochi."""
    (briefing,) = cc.events(actor="igor-morgulov", kind="briefing")
    assert ("2016-05-17", "Sochi") == (str(briefing.when), briefing.location)


def test_putins_st_petersburg_speech_date(cc: sr.Dataset) -> None:
    """When did Putin speak at the St Petersburg forum? June 17, 2016 (Kremlin); the article prints June 18."""
    speech = cc.lookup("2016-06-17-putin-speech-spief")
    (discrepancy,) = cc.discrepancies(record=speech.id)
    assert ("2016-06-17", "2016-06-17", {"2016-06-18", "2016-06-17"}) == (
        str(speech.when),
        discrepancy.adopted,
        {r.value for r in discrepancy.readings},
    )
    assert "kremlin-2016-spief-plenary-session" in {ref.source for ref in speech.sources}


def test_valdai_report(cc: sr.Dataset) -> None:
    """Which report articulated a Greater Eurasian Partnership, by whom and when? Valdai Club, March 2016."""
    report = cc.lookup("2016-valdai-report-toward-the-great-ocean-4")
    assert ("Toward the Great Ocean 4: Turn to the East", ("valdai-discussion-club",), "2016-03") == (
        report.title,
        report.authors,
        str(report.date),
    )


def test_eeu_and_eaeu_name_one_union(cc: sr.Dataset) -> None:
    """Are the article's "EEU" and "EAEU" the same organization? Yes: both find the EAEU."""
    assert ("eaeu", "eaeu") == (cc.actor("EEU").id, cc.actor("EAEU").id)


# ------------------------------------------------------------ Alliance or not


def test_putins_interview_of_june_17(cc: sr.Dataset) -> None:
    """When did Putin give his interview to Chinese media, and how did he define the relationship?"""
    (interview,) = cc.events(kind="interview", actor="vladimir-putin")
    assert ("2016-06-17", True) == (
        str(interview.when),
        "comprehensive partnership and strategic collaboration" in interview.summary,
    )


def test_global_times_editorial(cc: sr.Dataset) -> None:
    """What did the Global Times editorial say, and whose brainchild was it? Still not an alliance; Hu Xijin's."""
    editorial = cc.lookup("2016-global-times-editorial-not-alliance")
    assert ({"hu-xijin", "global-times"}, "oppose") == (
        set(editorial.authors),
        _stances(cc, actor="global-times", issue="china-russia-alliance")["global-times"],
    )


def test_hu_xijins_pen_name(cc: sr.Dataset) -> None:
    """Whose pen name is Shan Renping? Hu Xijin's, editor in chief of Global Times."""
    assert ("hu-xijin", "hu-xijin") == (cc.actor("Shan Renping").id, cc.actor("单仁平").id)


def test_what_shen_dingli_argued(cc: sr.Dataset) -> None:
    """What did Shen Dingli argue, and where? Russia's turn East is expediency, not strategy; in Global Times."""
    (piece,) = cc.documents(kind="opinion", text="Shen Dingli")
    assert {
        "russia-turn-to-the-east": "cautious",
        "greater-eurasian-partnership": "cautious",
        "china-russia-strategic-alignment": "cautious",
    } == {p.issue: p.stance.value for p in cc.positions(actor="shen-dingli")}
    assert (("shen-dingli",), True) == (piece.authors, "expediency" in piece.summary)


def test_yan_xuetong_on_non_alliance(cc: sr.Dataset) -> None:
    """What does Yan Xuetong advocate? That China drop its non-alliance policy; he is at Tsinghua (printed Qinghai)."""
    assert {"yan-xuetong": "oppose"} == _stances(cc, actor="yan-xuetong", issue="china-non-alliance-policy")
    (discrepancy,) = cc.discrepancies(record="yan-xuetong")
    assert (("tsinghua-university",), "Tsinghua University") == (
        cc.actor("yan-xuetong").affiliations,
        discrepancy.adopted,
    )


def test_han_kedi_and_zinovievs_rebuttal(cc: sr.Dataset) -> None:
    """Who rebutted Han Kedi, and when? Georgy Zinoviev, Russia's charge d'affaires, in late July, in Global Times."""
    (rebuttal,) = cc.events(actor="georgy-zinoviev", kind="publication")
    assert ("2016-07", ("han-kedi",)) == (str(rebuttal.when), rebuttal.recipients)
    assert "support" == _stances(cc, actor="han-kedi", issue="china-non-alliance-policy")["han-kedi"]


def test_kashin_and_pyatachkova(cc: sr.Dataset) -> None:
    """Who assessed that coordination goes beyond ordinary good-neighborliness? Kashin and Pyatachkova."""
    (assessment,) = cc.documents(text="good-neighborliness")
    assert {"vasilij-kashin", "anastasiya-pyatachkova"} == set(assessment.authors)


def test_oleg_ivanov(cc: sr.Dataset) -> None:
    """Who is Oleg Ivanov, and when did he speak of China's geopolitical encirclement? Diplomatic Academy; late June."""
    ivanov = cc.actor("Oleg Ivanov")
    (remark,) = cc.events(actor=ivanov)
    assert (("diplomatic-academy-moscow",), "2016-06") == (ivanov.affiliations, str(remark.when))


def test_wu_dahui_and_xing_guangcheng(cc: sr.Dataset) -> None:
    """How did Xing Guangcheng and Wu Dahui see the greater Eurasian partnership? In China's interest; strategic."""
    assert {"xing-guangcheng": "support", "wu-dahui": "neutral"} == _stances(
        cc, actor=["xing-guangcheng", "wu-dahui"], issue="greater-eurasian-partnership"
    )


def test_denisov_on_korea_august_11(cc: sr.Dataset) -> None:
    """What did Ambassador Denisov say on August 11, 2016? The two coordinate to prevent escalation in Korea."""
    (remark,) = cc.events(on="2016-08-11", actor="andrei-denisov")
    assert ("korean-peninsula-tension" in remark.issues, "2016-08-11") == (True, str(remark.when))
