"""Who is who: the agencies and offices that meet at an immigration arrest.

The facts live in ``ACTOR_FACTS`` below, one claim per entry, each naming the source
(a row of ``sources.csv``) that supports it. ``actor_profile`` and ``actor_html`` are
the pure part (tested without a browser); ``explore_actors`` is the view a lesson shows.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from immfed.data import cite
from immfed.widgets.choices import check_choice

# The order here is the order of the dropdown: federal agencies first, then the state
# and local offices they meet, then the people who check and contest all of them.
ACTORS: dict[str, dict[str, str]] = {
    "federal_executive": {"name": "Federal executive (President, DHS, DOJ)", "level": "Federal"},
    "ice": {"name": "ICE (U.S. Immigration and Customs Enforcement)", "level": "Federal"},
    "ice_ero": {"name": "ICE Enforcement and Removal Operations (ERO) officers", "level": "Federal"},
    "ice_hsi": {"name": "Homeland Security Investigations (HSI)", "level": "Federal"},
    "cbp": {"name": "CBP and the U.S. Border Patrol", "level": "Federal"},
    "sheriffs_jails": {"name": "Sheriffs and the jails they run", "level": "Local"},
    "police": {"name": "Municipal police departments", "level": "Local"},
    "state_police": {"name": "State police and other state or local officers", "level": "State"},
    "prosecutors": {"name": "Prosecutors (local, state and federal)", "level": "State, local and federal"},
    "courts": {"name": "Courts", "level": "Federal and state"},
    "legislatures_governors": {"name": "State legislatures and governors", "level": "State"},
    "advocates": {"name": "Advocacy groups", "level": "Non-governmental"},
}

ASPECTS = {
    "role": "What it is and what it does here",
    "power": "Powers, and the authority behind them",
    "limit": "Limits",
    "example": "Recent examples (as reported)",
}

# One claim per entry, in our own words, each with the source that supports it.
ACTOR_FACTS: list[dict[str, str]] = [
    # Federal executive
    {"actor": "federal_executive", "aspect": "role",
     "text": "Sets enforcement policy. Executive Order 14159 (January 2025) told agencies to sign more 287(g) "
             "agreements and brought back the task-force model.", "source_id": "eo_14159_2025"},
    {"actor": "federal_executive", "aspect": "power",
     "text": "Executive Order 14287 (April 2025) ordered the Attorney General, with DHS, to publish a list of "
             "'sanctuary' jurisdictions and to identify federal funds that could be suspended.",
     "source_id": "eo_14287_2025"},
    {"actor": "federal_executive", "aspect": "example",
     "text": "DHS announced in September 2025 that 287(g) partnerships had passed 1,000 and described the "
             "partners as a 'force multiplier' (DHS's term).", "source_id": "dhs_287g_1000_20250917"},
    # ICE
    {"actor": "ice", "aspect": "role",
     "text": "A DHS agency formed in 2003 from parts of the former Immigration and Naturalization Service and "
             "the Customs Service. Its directorates include Enforcement and Removal Operations (ERO) and "
             "Homeland Security Investigations (HSI).", "source_id": "ice_about_page_2020"},
    {"actor": "ice", "aspect": "power",
     "text": "Signs 287(g) agreements, which let trained state and local officers carry out some "
             "immigration-officer functions under federal direction and supervision.",
     "source_id": "usc_8_1357"},
    {"actor": "ice", "aspect": "power",
     "text": "Runs three 287(g) models: the Jail Enforcement Model, the Warrant Service Officer model and the "
             "Task Force Model.", "source_id": "ice_287g_factsheet"},
    {"actor": "ice", "aspect": "limit",
     "text": "No state or locality is required to sign a 287(g) agreement; the statute makes them voluntary.",
     "source_id": "usc_8_1357"},
    # ERO
    {"actor": "ice_ero", "aspect": "role",
     "text": "The part of ICE that runs the immigration enforcement process: identification and arrest, "
             "transport, detention, bond and supervised release, and removal.", "source_id": "ice_about_page_2020"},
    {"actor": "ice_ero", "aspect": "role",
     "text": "Through the Criminal Alien Program (now called the Criminal Apprehension Program), screens "
             "people held in prisons and jails, lodges detainers and starts removal cases before release.",
     "source_id": "ice_cap_page"},
    {"actor": "ice_ero", "aspect": "power",
     "text": "Immigration officers may question, without a warrant, a person believed to be a noncitizen about "
             "their right to be in the country, and may arrest without a warrant someone they have reason to "
             "believe is here unlawfully and likely to escape before a warrant can be obtained (8 U.S.C. "
             "1357(a)).", "source_id": "usc_8_1357"},
    {"actor": "ice_ero", "aspect": "power",
     "text": "Designated immigration officers, not judges, issue the administrative arrest warrant (Form "
             "I-200).", "source_id": "cfr_8_236_1"},
    {"actor": "ice_ero", "aspect": "power",
     "text": "Sends detainers: requests that a jail tell DHS before it releases someone and, if asked, keep "
             "the person up to 48 hours (not counting weekends and holidays) so DHS can take custody.",
     "source_id": "cfr_8_287_7"},
    # HSI
    {"actor": "ice_hsi", "aspect": "role",
     "text": "One of ICE's three operational directorates, alongside ERO and the legal advisor's office: "
             "the investigative arm that ICE inherited from the merger of Customs and INS investigators.",
     "source_id": "ice_about_page_2020"},
    # CBP
    {"actor": "cbp", "aspect": "role",
     "text": "Federal law establishes U.S. Customs and Border Protection within DHS, with the U.S. Border "
             "Patrol as one of its operational offices.", "source_id": "usc_6_211"},
    {"actor": "cbp", "aspect": "power",
     "text": "Border Patrol agents are among the officers the detainer regulation lists as able to issue "
             "detainers.", "source_id": "cfr_8_287_7"},
    {"actor": "cbp", "aspect": "example",
     "text": "In November 2025 a Border Patrol operation ran in Charlotte, N.C. DHS said about 370 people had "
             "been arrested and that the operation was continuing; the sheriff said it had ended.",
     "source_id": "wsoc_charlotte_dhs_370_20251120"},
    # Sheriffs and jails
    {"actor": "sheriffs_jails", "aspect": "role",
     "text": "The jail holding someone on a state charge is where a detainer arrives: it is asked to notify "
             "DHS before release and may be asked to hold the person up to 48 hours.",
     "source_id": "cfr_8_287_7"},
    {"actor": "sheriffs_jails", "aspect": "power",
     "text": "Under a 287(g) agreement, trained jail officers can screen and process people booked into the "
             "jail (Jail Enforcement Model) or serve ICE administrative warrants on people in their own jail "
             "(Warrant Service Officer model).", "source_id": "ice_287g_factsheet"},
    {"actor": "sheriffs_jails", "aspect": "limit",
     "text": "A federal appeals court held that detainers are requests, not commands, so a county that holds "
             "someone on one can be liable for the detention.", "source_id": "case_galarza_2014"},
    {"actor": "sheriffs_jails", "aspect": "limit",
     "text": "New York's Appellate Division held that a sheriff's hold on ICE detainers and warrants was an "
             "arrest that New York law does not authorize.", "source_id": "case_wells_demarco_2018"},
    {"actor": "sheriffs_jails", "aspect": "example",
     "text": "Florida law requires county jail operators to have 287(g) agreements.",
     "source_id": "fl_908_11_2024"},
    {"actor": "sheriffs_jails", "aspect": "example",
     "text": "Texas SB 8 (2025) requires sheriffs to seek 287(g) agreements; it took effect on January 1, "
             "2026, with a deadline of December 1, 2026.", "source_id": "tx_sb8_2025"},
    {"actor": "sheriffs_jails", "aspect": "example",
     "text": "After Operation Metro Surge, Minnesota sheriffs said their policies had not changed; Hennepin "
             "County said it notifies ICE only when there is a signed judicial warrant.",
     "source_id": "startribune_mn_jails_ice_20260213"},
    {"actor": "sheriffs_jails", "aspect": "example",
     "text": "The Mecklenburg County (N.C.) sheriff said his office had no role in the November 2025 "
             "Charlotte operation and that none of the people detained were booked into the county jail.",
     "source_id": "wsoc_mcso_statement_20251127"},
    {"actor": "sheriffs_jails", "aspect": "example",
     "text": "When Maryland banned 287(g) agreements in February 2026, sheriffs in several counties said they "
             "would keep cooperating with ICE in other ways.", "source_id": "wypr_md_287g_ban_20260217"},
    # Municipal police
    {"actor": "police", "aspect": "power",
     "text": "Without any agreement, local officers may tell DHS about a person's immigration status or "
             "otherwise cooperate in identifying, arresting or detaining people who are not lawfully present "
             "(8 U.S.C. 1357(g)(10)).", "source_id": "usc_8_1357"},
    {"actor": "police", "aspect": "power",
     "text": "Under the Task Force Model, deputized officers can use immigration authority during routine "
             "police work in the field.", "source_id": "ice_287g_factsheet"},
    {"actor": "police", "aspect": "limit",
     "text": "In Arizona v. United States the Supreme Court struck down a state provision allowing warrantless "
             "arrests of people believed to be removable, but let stand for now a rule that officers check "
             "status during lawful stops, detentions and arrests.", "source_id": "case_arizona_2012"},
    {"actor": "police", "aspect": "limit",
     "text": "A federal appeals court held that, without federal direction or authorization, local officers "
             "may not detain or arrest someone for a civil immigration violation alone.",
     "source_id": "case_santos_2013"},
    {"actor": "police", "aspect": "example",
     "text": "Memphis's mayor confirmed in October 2025 that the city's police work with ICE agents in a "
             "federal task force, saying he wanted to steer them toward violent crime.",
     "source_id": "ipsr_memphis_young_2025_10"},
    # State police
    {"actor": "state_police", "aspect": "power",
     "text": "Where state law allows, state and local officers may arrest and briefly hold a person who is "
             "unlawfully present and was deported after a felony conviction, once the federal agency confirms "
             "the person's status (8 U.S.C. 1252c).", "source_id": "usc_8_1252c"},
    {"actor": "state_police", "aspect": "power",
     "text": "If the federal government declares an actual or imminent 'mass influx', it may authorize state "
             "or local officers, with their agency head's consent, to use immigration-officer powers (8 U.S.C. "
             "1103(a)(10)).", "source_id": "usc_8_1103"},
    {"actor": "state_police", "aspect": "example",
     "text": "Florida's April 2025 Operation Tidal Wave joined ICE with Florida agencies working under 287(g) "
             "agreements; ICE reported about 780 arrests in the first four days.",
     "source_id": "btimes_tidal_wave_20250427"},
    # Prosecutors
    {"actor": "prosecutors", "aspect": "role",
     "text": "Local prosecutors decide state charges, including against federal officers. After an ICE officer "
             "shot Renée Good in Minneapolis on January 7, 2026, the Hennepin County Attorney pressed for a "
             "local investigation.", "source_id": "hennepin_attorney_statement_20260107"},
    {"actor": "prosecutors", "aspect": "example",
     "text": "The Hennepin County Attorney and Minnesota's Attorney General opened a state review; DHS "
             "Secretary Noem had said Minnesota lacked jurisdiction.",
     "source_id": "startribune_state_review_20260109"},
    {"actor": "prosecutors", "aspect": "example",
     "text": "Deputy Attorney General Todd Blanche said there was no basis for a federal criminal civil-rights "
             "investigation of the Good shooting.", "source_id": "independent_noem_blanche_2026_01"},
    # Courts
    {"actor": "courts", "aspect": "role",
     "text": "The Supreme Court held that Congress may not order state or local officers, such as sheriffs, to "
             "carry out a federal program. This is the main reason states and localities may decline to help "
             "with immigration enforcement.", "source_id": "case_printz_1997"},
    {"actor": "courts", "aspect": "power",
     "text": "Massachusetts's highest court held that holding someone on a civil detainer is an arrest that "
             "state officers had no authority under Massachusetts law to make.", "source_id": "case_lunn_2017"},
    {"actor": "courts", "aspect": "power",
     "text": "The Ninth Circuit said that keeping someone in custody on a detainer requires a prompt "
             "probable-cause determination by a neutral magistrate.", "source_id": "case_gonzalez_2020"},
    {"actor": "courts", "aspect": "example",
     "text": "A federal court found in 2013 that the Maricopa County Sheriff's Office had used Latino ancestry "
             "in traffic stops, and ordered injunctions.", "source_id": "case_melendres_2013"},
    {"actor": "courts", "aspect": "example",
     "text": "In November 2025 a federal court dismissed the United States' challenge to New York's Protect "
             "Our Courts Act, which limits civil immigration arrests around courthouses (as announced by the "
             "New York Attorney General).", "source_id": "nyag_poca_upheld_20251117"},
    # Legislatures and governors
    {"actor": "legislatures_governors", "aspect": "power",
     "text": "Some states require cooperation: Texas SB 4 (2017) requires jails to comply with ICE detainers.",
     "source_id": "tx_sb4_2017"},
    {"actor": "legislatures_governors", "aspect": "power",
     "text": "Florida bans local 'sanctuary' policies and sets out duties for jails that receive detainers.",
     "source_id": "fl_ch908_2024"},
    {"actor": "legislatures_governors", "aspect": "power",
     "text": "Other states restrict cooperation: the Illinois TRUST Act (2017) bars holding someone solely on "
             "a detainer or a civil immigration warrant.", "source_id": "il_trust_act_2017"},
    {"actor": "legislatures_governors", "aspect": "power",
     "text": "California's Values Act (SB 54, 2017) limits detainer holds, release-date notices, transfers and "
             "the use of local officers for immigration enforcement.", "source_id": "ca_sb54_2017"},
    {"actor": "legislatures_governors", "aspect": "example",
     "text": "Arizona's governor vetoed SB 1164, the Republican-backed 'Arizona ICE Act', in April 2025; "
             "the bill would have required every law-enforcement agency to sign a 287(g) agreement.", "source_id": "kjzz_az_sb1164_veto_20250419"},
    {"actor": "legislatures_governors", "aspect": "example",
     "text": "Maryland's governor signed bills on February 17, 2026 banning 287(g) partnerships between local "
             "law enforcement and ICE.",
     "source_id": "wypr_md_287g_ban_20260217"},
    # Advocates
    {"actor": "advocates", "aspect": "role",
     "text": "Groups favouring stricter enforcement promote mandates: the Federation for American Immigration "
             "Reform (FAIR) welcomed Louisiana's 2024 anti-sanctuary law as important legislation.",
     "source_id": "fair_la_sb208_2024"},
    {"actor": "advocates", "aspect": "role",
     "text": "The National Immigration Forum, which favours immigrants' integration, set out implementation "
             "concerns about the 2025 revival of 287(g) agreements.", "source_id": "nif_287g_revival_2025"},
    {"actor": "advocates", "aspect": "power",
     "text": "Civil-liberties groups litigate: the ACLU of Idaho's class action won a class-wide preliminary "
             "injunction against Idaho's HB 83 entry and re-entry crimes.", "source_id": "aclu_id_hb83_2025"},
]


def actor_ids() -> list[str]:
    """The accepted actor ids, in display order."""
    return list(ACTORS)


def actor_facts() -> pd.DataFrame:
    """All actor facts as a table: actor, actor name, level, aspect, text, source_id."""
    rows = [{"actor": f["actor"], "actor_name": ACTORS[f["actor"]]["name"], "level": ACTORS[f["actor"]]["level"],
             "aspect": f["aspect"], "text": f["text"], "source_id": f["source_id"]} for f in ACTOR_FACTS]
    return pd.DataFrame(rows)


def actor_profile(actor: str) -> dict:
    """One actor's name, level and facts grouped by aspect.

    Returns ``{"actor", "name", "level", "sections": {aspect heading: [(text, source_id), ...]},
    "source_ids": [...]}``. An unknown actor raises ``ValueError`` listing the accepted ids.
    """
    check_choice(actor, ACTORS, "actor")
    sections: dict[str, list[tuple[str, str]]] = {}
    source_ids: list[str] = []
    for aspect, heading in ASPECTS.items():
        items = [(f["text"], f["source_id"]) for f in ACTOR_FACTS if f["actor"] == actor and f["aspect"] == aspect]
        if items:
            sections[heading] = items
        for _, sid in items:
            if sid not in source_ids:
                source_ids.append(sid)
    return {"actor": actor, "name": ACTORS[actor]["name"], "level": ACTORS[actor]["level"],
            "sections": sections, "source_ids": source_ids}


def actor_html(actor: str) -> str:
    """The panel for one actor: its facts under headings, each with a numbered note to its source."""
    profile = actor_profile(actor)
    number = {sid: i for i, sid in enumerate(profile["source_ids"], start=1)}
    parts = [f"<h4>{escape(profile['name'])}</h4><p><em>Level of government: {escape(profile['level'])}</em></p>"]
    for heading, items in profile["sections"].items():
        parts.append(f"<p><strong>{escape(heading)}</strong></p><ul>")
        parts.extend(f"<li>{escape(text)} <sup>[{number[sid]}]</sup></li>" for text, sid in items)
        parts.append("</ul>")
    parts.append("<p><strong>Sources</strong></p><ol style='font-size:0.9em'>")
    parts.extend(f"<li><code>{escape(sid)}</code>: {escape(cite(sid))}</li>" for sid in profile["source_ids"])
    parts.append("</ol>")
    return "".join(parts)


def explore_actors(actor: str = "ice_ero"):
    """A dropdown of the actors in this course; the panel below shows the chosen one's role, powers and sources.

    Use Tab to reach the dropdown and the arrow keys to move through the actors.
    """
    import ipywidgets as w

    message = w.HTML()
    if actor not in ACTORS:
        # A typo in a notebook should show what is accepted, not a traceback.
        message.value = (f"<p role='alert'>Unknown actor {escape(repr(actor))}. Showing ICE ERO instead. "
                         f"Accepted: {escape(', '.join(ACTORS))}</p>")
        actor = "ice_ero"
    picker = w.Dropdown(options=[(f"{v['name']} ({v['level']})", k) for k, v in ACTORS.items()], value=actor,
                        description="Actor:", layout=w.Layout(width="max-content"),
                        style={"description_width": "initial"})
    panel = w.HTML(value=actor_html(actor))

    def show(change):
        panel.value = actor_html(change["new"])
        message.value = ""

    picker.observe(show, names="value")
    box = w.VBox([message, picker, panel])
    # Tests and instructors can reach the parts without digging through children.
    box.picker, box.panel, box.message = picker, panel, message
    return box
