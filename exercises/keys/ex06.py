"""Answer key for exercise 06, politics, trust and accountability (lesson 06). Facts as of 2026-11-28; state groups
from immfed.widgets.state_policies.policy_group over the state_laws table; ICE arrests 2025-01-01 to 2026-07-31 from
state_outcomes (Konczal, from Deportation Data Project records); 287(g) counts from ICE's sheet of 9 October 2026."""

L = "Lesson 06"

KEY = {
    "q1": {
        "kind": "choice",
        "form": 'Write one letter in quotes, e.g. q1 = "a".',
        "options": {
            "a": "A term defined in federal statute for any place that refuses ICE detainers.",
            "b": ("A term with no legal definition: the federal government uses it for places whose rules limit help "
                  "to ICE, while many of those places describe their laws as keeping police out of civil "
                  "immigration enforcement."),
            "c": "A term the Supreme Court defined in Arizona v. United States (2012).",
            "d": "The official name of California's and Illinois's laws.",
        },
        "answer": "b",
        "explanation": ("'Sanctuary' has no legal definition. Executive Order 14287 (April 2025) told the Attorney "
                        "General and DHS to publish a list of such jurisdictions; Illinois, for example, explains its "
                        "TRUST Act as keeping local police out of civil immigration work. Say whose definition you use."),
        "feedback": {
            "a": ("No statute in the course data defines the word; the federal government's list comes from an "
                  "executive order (EO 14287), not from a statutory definition."),
            "c": ("Arizona v. United States decided which parts of Arizona's SB 1070 were preempted; it did not define "
                  "'sanctuary'."),
            "d": ("The laws carry names such as the California Values Act and the TRUST Act (Illinois, Connecticut); "
                  "'sanctuary' is the label others apply."),
        },
        "section": f"{L}, section 1 (Why states choose: words that do work)",
        "sources": ["eo_14287_2025", "il_eo_2025_06", "ca_sb54_2017", "case_arizona_2012"],
    },
    "q2": {
        "kind": "numbers",
        "tolerance": 0.06,
        "form": 'Write a dictionary of numbers, e.g. q2 = {"mandates": 1.0, "restricts": 1.0, "none": 1.0}.',
        "answer": {"mandates": 193.8, "restricts": 108.8, "none": 90.85},
        "explanation": ("Median ICE administrative arrests per 100,000 residents (1 January 2025 to 31 July 2026) for "
                        "the 50 states: 193.8 in the 19 states that mandate cooperation, 108.8 in the 15 that restrict "
                        "it and 90.85 in the 16 with no statewide law recorded. Arrests are counted where ICE made them; "
                        "the gap is an association, not a measure of what the laws cause."),
        "hint": ('Filter load("state_outcomes") to metric == "ice_admin_arrests" and drop "DC"; add a column with '
                 "policy_group(code) for each state_code; then groupby it and take the median of per_100k."),
        "section": f"{L}, section 2 (How the groups of states compare)",
        "sources": ["konczal_ice_arrests_by_state_2026", "census_nst_est2025_alldata"],
    },
    "q3": {
        "kind": "codes",
        "form": 'Write a list with one two-letter code in quotes, e.g. q3 = ["CA"].',
        "answer": ["VA"],
        "explanation": ("Virginia is the restricting state with the most agreements on ICE's sheet of 9 October 2026 "
                        "(22). Its 2026 Executive Directive 1 ended the agreements of state agencies such as the State "
                        "Police but did not cover local sheriffs' agreements, and SB 783 (2026) sets conditions rather "
                        "than a ban: a 'restricts' label covers very different laws."),
        "hint": ('Choose the measure "287(g) agreements" and look along the "Restricts cooperation" column for the '
                 "highest marker, or sort state_table() within the group."),
        "section": f"{L}, section 2 (Reading it honestly)",
        "sources": ["shoredailynews_va_ed1_2026", "va_sb783_2026", "ice_287g_sheet_2026_10_09"],
    },
    "q4": {
        "kind": "choice",
        "form": 'Write one letter in quotes, e.g. q4 = "a".',
        "options": {
            "a": "Mandating cooperation roughly doubles a state's ICE arrests.",
            "b": ("States that mandate cooperation had a higher median arrest rate in this period; the chart alone "
                  "cannot say why, because arrests are counted where ICE made them and the groups differ in many "
                  "other ways."),
            "c": "Restricting cooperation has no effect on ICE arrests, since 'restricts' and 'none' are nearly equal.",
            "d": "The comparison is meaningless because the rates are per 100,000 residents rather than raw counts.",
        },
        "answer": "b",
        "explanation": ("The chart shows association, not cause: groups differ in politics, border location, immigrant "
                        "population and jail systems, some laws respond to those differences, and the arrest table "
                        "does not say whether an arrest came from a jail, a 287(g) officer or a street operation."),
        "feedback": {
            "a": ("That is a causal claim the chart cannot support: mandate states differ from the others in many ways, "
                  "and the rate counts arrests where ICE made them, not where people live."),
            "c": ("Equal medians do not show 'no effect' either: the groups differ in other ways, and ICE can shift "
                  "agents into communities where jails decline (Homan's stated approach)."),
            "d": ("Rates per 100,000 are what let states of different size be compared; the limits are about cause, "
                  "location of arrest and the coarse groups, not the rate itself."),
        },
        "section": f"{L}, section 2 (Reading it honestly; the 'can and cannot show' box)",
        "sources": ["konczal_ice_arrests_by_state_2026", "cnn_ice_red_blue_states_2025_08"],
    },
    "q5": {
        "kind": "mapping",
        "labels": ["empirical", "legal", "normative"],
        "form": ('Write a dictionary from c1 ... c8 to "empirical", "legal" or "normative", e.g. '
                 'q5 = {"c1": "legal", ...}.'),
        "answer": {"c1": "empirical", "c2": "legal", "c3": "normative", "c4": "empirical", "c5": "legal",
                   "c6": "normative", "c7": "empirical", "c8": "legal"},
        "explanation": ("Empirical claims say what is the case and can be tested with data (c1, c4, c7); legal claims "
                        "say what a statute, regulation or court decision provides (c2, c5, c8); normative claims say "
                        "what ought to be done and rest on values as well as facts (c3, c6)."),
        "feedback": {
            "c1": ("A finding about deportations before and after counties changed policy (Hausman, PNAS 2020): "
                   "testable with data, so empirical."),
            "c2": "It states what 8 U.S.C. 1357(g)(9) provides: a legal claim.",
            "c3": ("'Should' signals a normative claim: evidence about trust or safety can inform it, but it also rests "
                   "on a judgment about the proper role of local police."),
            "c4": "A share computed from ICE arrest data (CNN analysis, 2025): empirical.",
            "c5": ("It states what courts held (Miranda-Olivares, D. Or. 2014; Gonzalez, 9th Cir. 2020): a legal "
                   "claim."),
            "c6": ("It weighs costs against a goal and says what counties should do: normative, even though it "
                   "contains an empirical premise."),
            "c7": "A survey result (Theodore, 2013): empirical, with the limits of a one-time survey of stated intentions.",
            "c8": "It states what Printz v. United States (1997) held: a legal claim.",
        },
        "section": f"{L}, sections 1 and 3 (the two cases; what research finds)",
        "sources": ["hausman_pnas_2020", "usc_8_1357", "mcca_tx_sb4_201706", "cnn_ice_red_blue_states_2025_08",
                    "case_miranda_olivares_2014", "dhs_287g_1000_20250917", "theodore_insecure_communities_2013",
                    "case_printz_1997"],
    },
    "q6": {
        "kind": "choice",
        "form": 'Write one letter in quotes, e.g. q6 = "a".',
        "options": {
            "a": "The chart of ICE arrests per 100,000 residents by state policy group.",
            "b": ("Comparing how often victims report crimes to police in cities before and after they adopt such "
                  "policies, against cities that did not, over the same years."),
            "c": "A statement by a sheriff who runs a 287(g) program.",
            "d": "A single telephone survey asking people whether they would call the police.",
        },
        "answer": "b",
        "explanation": ("The claim is about behaviour (reporting crime), so the best test measures actual reporting with "
                        "a comparison group over time, as Martinez and Martinez-Schuldt did; even then other changes in "
                        "the same cities could explain part of it, and their data end well before 2025."),
        "feedback": {
            "a": ("Arrest rates say nothing about whether victims report crimes, and the chart shows association "
                  "between groups, not change over time."),
            "c": ("A statement is evidence of a position, not a test of a claim about residents' behaviour; attribute "
                  "it, then look for data."),
            "d": ("A one-time survey (like the 2012 survey of 2,004 Latinos) measures what people say they would do, "
                  "at one time, with no comparison group; useful, but weaker than measured reporting over time."),
        },
        "section": f"{L}, section 3 (Crime reporting and trust)",
        "sources": ["martinez_schuldt_reporting_2019", "theodore_insecure_communities_2013",
                    "konczal_ice_arrests_by_state_2026"],
    },
    "q7": {
        "kind": "choice",
        "form": 'Write one letter in quotes, e.g. q7 = "a".',
        "options": {
            "a": "It held that the Los Angeles stops were constitutional.",
            "b": ("It stayed the district court's temporary restraining order while the appeal goes on; it did not "
                  "finally decide whether the stops amount to racial profiling."),
            "c": "It barred federal agents from using apparent ethnicity as any factor in a stop.",
            "d": "It reaffirmed the findings of Melendres v. Arpaio against the Maricopa County Sheriff's Office.",
        },
        "answer": "b",
        "explanation": ("The unsigned order of 8 September 2025 (No. 25A169) stayed Judge Frimpong's July 2025 order "
                        "pending appeal. Justice Kavanaugh concurred alone; Justice Sotomayor, joined by Justices Kagan "
                        "and Jackson, dissented. A stay is not a final ruling."),
        "feedback": {
            "a": "A stay lets the stops continue while the lower courts decide; it is not a ruling on the merits.",
            "c": ("The opposite: the stay lifted an order that barred stops based only on the four factors. Justice "
                  "Kavanaugh, concurring alone, wrote that apparent ethnicity alone cannot give reasonable suspicion "
                  "but can count with other factors."),
            "d": ("Melendres (D. Ariz. 2013) is a separate case about the Maricopa County Sheriff's Office; the 2025 "
                  "order did not address it."),
        },
        "section": f"{L}, section 4 (Racial profiling)",
        "sources": ["case_noem_vasquez_perdomo_2025", "iit_vasquez_perdomo_20250918", "case_melendres_2013"],
    },
    "q8": {
        "kind": "mapping",
        "labels": ["not_blocked", "enjoined", "challenge_dismissed", "no_ruling_found"],
        "form": ('Write a dictionary, e.g. q8 = {"ca_id": "enjoined", "ca_mask": "enjoined", "ny_courts": "enjoined", '
                 '"il_suits": "enjoined"}.'),
        "answer": {"ca_id": "not_blocked", "ca_mask": "enjoined", "ny_courts": "challenge_dismissed",
                   "il_suits": "no_ruling_found"},
        "explanation": ("On 9 February 2026 a federal judge declined to block California's identification law (SB 805) "
                        "but preliminarily enjoined its mask ban (SB 627) as to federal officers, because it exempted "
                        "state officers; a federal court dismissed the Justice Department's challenge to New York's "
                        "Protect Our Courts Act on 17 November 2025; the course found no ruling on Illinois's HB 1312."),
        "feedback": {
            "ca_id": "The February 2026 preliminary ruling declined to block SB 805's identification requirement.",
            "ca_mask": ("SB 627 was preliminarily enjoined as to federal officers because it exempted state officers, "
                        "not because states can never regulate masks."),
            "ny_courts": "A federal court dismissed the Justice Department's challenge on 17 November 2025.",
            "il_suits": "The Justice Department challenged HB 1312; the course's sources report no ruling.",
        },
        "section": f"{L}, section 5 (Accountability tools and where they stand)",
        "sources": ["ca_sb805_2025", "newser_ca_mask_ruling_20260209", "ap_ca_mask_ruling_2026_02",
                    "nyag_poca_upheld_20251117", "jurist_il_hb1312_20251210"],
    },
}
