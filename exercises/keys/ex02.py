"""Answer key for exercise 02, the 287(g) program and its models (lesson 02). Facts as of 2026-11-28;
counts from ICE's participating-agencies sheets of 18 July 2025 and 9 October 2026 as shipped."""

L = "Lesson 02"

KEY = {
    "q1": {
        "kind": "choice",
        "form": 'Write one letter in quotes, e.g. q1 = "a".',
        "options": {
            "a": "Paragraph (g)(1): agreements only to the extent consistent with state and local law.",
            "b": "Paragraph (g)(9): nothing in the subsection requires any state or locality to enter an agreement.",
            "c": "Paragraph (g)(10): no agreement is needed to communicate with DHS or otherwise cooperate.",
            "d": "Paragraph (g)(3): officers work under federal direction and supervision.",
        },
        "answer": "b",
        "explanation": ("8 U.S.C. 1357(g)(9) says no state or political subdivision is required to sign, which fits "
                        "the anti-commandeering rule of Printz v. United States."),
        "feedback": {
            "a": ("(g)(1) lets state and local law limit or forbid agreements (the hook for state bans), but it is "
                  "(g)(9) that says nobody must sign."),
            "c": ("(g)(10) preserves cooperation without an agreement; it says nothing about whether a locality "
                  "must sign one."),
            "d": "(g)(3) is about supervision of officers who already act under an agreement.",
        },
        "section": f"{L}, section 1 (The statute)",
        "sources": ["usc_8_1357", "case_printz_1997"],
    },
    "q2": {
        "kind": "mapping",
        "labels": ["jem", "wso", "tfm"],
        "form": 'Write a dictionary, e.g. q2 = {"patrol": "tfm", "serve": "jem", "screen": "wso"}.',
        "answer": {"patrol": "tfm", "serve": "wso", "screen": "jem"},
        "explanation": ("Questioning and arresting during routine policing in the field is the Task Force Model; "
                        "serving ICE's administrative warrant on someone already in the officer's own jail, without "
                        "questioning, is the Warrant Service Officer model; screening booked people, checking DHS "
                        "databases, lodging detainers and preparing removal papers is the Jail Enforcement Model."),
        "feedback": {
            "patrol": ("Only the Task Force Model works in the field during routine policing; JEM and WSO work "
                       "inside the jail (ICE 287(g) fact sheet; DHS 2025 release)."),
            "serve": ("Serving the warrant without questioning or case processing is the whole WSO delegation "
                      "(ICE's 2019 WSO announcement)."),
            "screen": ("Interviews, database checks, detainers and removal paperwork inside the jail are the Jail "
                       "Enforcement Model; WSOs do not question people or process cases."),
        },
        "section": f"{L}, section 2 (The three models side by side)",
        "sources": ["ice_287g_factsheet", "ice_wso_launch_20190506", "dhs_287g_reimbursement_20250902"],
    },
    "q3": {
        "kind": "choice",
        "form": 'Write one letter in quotes, e.g. q3 = "a".',
        "options": {
            "a": "Nothing: both numbers come from the federal government.",
            "b": ("It compares different units: about 150 is a count of agencies (CRS, Sept. 2020), while 1,001 is "
                  "the number of agreements DHS announced (Sept. 2025)."),
            "c": "The 1,001 should be replaced by 832, the rows on ICE's sheet of 18 July 2025.",
            "d": "The 150 is a lower bound, so the growth is overstated.",
        },
        "answer": "b",
        "explanation": ("Agencies, agreements (one agency x one model) and announced MOAs are different units: one "
                        "agency can hold several agreements, so an agency count and an agreement count cannot be "
                        "compared as growth without saying so."),
        "feedback": {
            "a": ("Both are official, but they count different things: CRS counted agencies, DHS announced "
                  "agreements. Mixing them exaggerates growth."),
            "c": ("The July sheet is an earlier date, and swapping one agreement figure for another does not fix "
                  "the problem: the 150 counts agencies."),
            "d": ("CRS gives 'about 150' for September 2020; the flaw is the unit, not a bound. Lower bounds in the "
                  "data are phrased 'over ...' (for example 'over 1,500 by early March 2026')."),
        },
        "section": f"{L}, section 4 (Counting agreements: units matter)",
        "sources": ["crs_if11898_2021", "dhs_287g_1000_20250917", "ice_287g_sheet_2025_07_18"],
    },
    "q4": {
        "kind": "codes",
        "ordered": True,
        "form": 'Write a list of three codes in quotes, largest increase first, e.g. q4 = ["FL", "GA", "NC"].',
        "answer": ["TX", "MO", "AR"],
        "explanation": ("Texas (+320), Missouri (+138) and Arkansas (+118) added the most task-force agreements "
                        "between ICE's sheets of 18 July 2025 and 9 October 2026 (Pennsylvania follows with +115)."),
        "hint": ('Keep the two snapshots, pivot to one row per state_code with a column per snapshot of "tfm", '
                 "subtract, and sort descending. Florida had the most on the July 2025 sheet but did not add the most."),
        "section": f"{L}, sections 4 and 5 (counting; where the agreements are)",
        "sources": ["ice_287g_sheet_2025_07_18", "ice_287g_sheet_2026_10_09"],
    },
    "q5": {
        "kind": "number",
        "form": "Write a share between 0 and 1, e.g. q5 = 0.25 (three decimals is enough).",
        "answer": 1902 / 2654,
        "tolerance": 0.0006,
        "explanation": ("1,902 of 2,654 agreements on ICE's sheet of 9 October 2026 were task-force agreements: "
                        "a share of about 0.717 (71.7%). On the 18 July 2025 sheet it was 415 of 832, about 0.499."),
        "feedback_values": [(415 / 832, "That is the share on the 18 July 2025 sheet; use the 9 October 2026 one."),
                            (71.665, "Give a share between 0 and 1, not a percentage.")],
        "hint": 'Filter the snapshot 2026-10-09, then divide the sum of "tfm" by the sum of "total".',
        "section": f"{L}, section 4 (Counting agreements: units matter)",
        "sources": ["ice_287g_sheet_2026_10_09"],
    },
    "q6": {
        "kind": "choice",
        "form": 'Write one letter in quotes, e.g. q6 = "a".',
        "options": {
            "a": "Guam and the Northern Mariana Islands had zero agreements on that date.",
            "b": "The 18 July 2025 snapshot has no row for them, which is not the same as zero.",
            "c": "Their laws ban 287(g) agreements.",
            "d": "ICE withheld their figures.",
        },
        "answer": "b",
        "explanation": ("The map marks a place grey 'n/a' when the chosen snapshot has no row for it; the course "
                        "does not turn a missing figure into a zero. Both appear on the 2026 sheets."),
        "feedback": {
            "a": "A zero would be printed as 0. Grey 'n/a' means the snapshot has no row for the place.",
            "c": ("No law for Guam or the Northern Mariana Islands is in the course's state_laws table; the map "
                  "shows data coverage, not law."),
            "d": "Nothing in the sources says ICE withheld anything; the snapshot simply has no row for them.",
        },
        "section": f"{L}, section 5 (Where the agreements are)",
        "sources": ["ice_287g_sheet_2025_07_18"],
    },
    "q7": {
        "kind": "number",
        "form": "Write the whole number printed in the square, e.g. q7 = 12.",
        "answer": 279,
        "explanation": ("The map prints 279 task-force agreements for Florida on ICE's sheet of 9 October 2026 "
                        "(Texas has more, 345)."),
        "feedback_values": [(353, "353 is Florida's total over all three models; pick the Task Force model."),
                            (237, "237 is Florida's task-force count on the 18 July 2025 sheet."),
                            (345, "345 is Texas; read Florida's square.")],
        "hint": "Set the map to the 9 October 2026 sheet and the Task Force model, then read Florida's square.",
        "section": f"{L}, section 5; the Map by state tab",
        "sources": ["ice_287g_sheet_2026_10_09"],
    },
    "q8": {
        "kind": "numbers",
        "form": 'Write a dictionary of numbers, e.g. q8 = {"tfm_2025": 1, "tfm_2026": 2, "jem_2026": 3}.',
        "answer": {"tfm_2025": 25, "tfm_2026": 140, "jem_2026": 0},
        "explanation": ("Pennsylvania had 25 task-force agreements on ICE's sheet of 18 July 2025 and 140 on the "
                        "sheet of 9 October 2026, and no jail-model agreements on the later sheet. Titus Legal "
                        "Design reports that Pennsylvania constables appear on the sheet as municipal agreements, "
                        "so a hearing should ask who holds them."),
        "hint": 'Filter state_code == "PA" and the two snapshot dates; read the "tfm" and "jem" columns.',
        "section": f"{L}, section 5 (Where the agreements are)",
        "sources": ["ice_287g_sheet_2025_07_18", "ice_287g_sheet_2026_10_09", "titus_287g_program"],
    },
}
