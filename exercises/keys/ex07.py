"""Answer key for exercise 07, the capstone: profile a jurisdiction and write a memo (lesson 07). Facts as of
2026-11-28; the worked state is Georgia. Counts from ICE's sheets of 18 July 2025 to 9 October 2026; ICE arrests
2025-01-01 to 2026-07-31 from state_outcomes."""

from immfed.data.vocabulary import codes

# The detainer tool's answer words, as the vocabulary table defines them
DETAINER_ANSWERS = list(codes("detainer_answer"))

L = "Lesson 07"

KEY = {
    "q1": {
        "kind": "numbers",
        "form": 'Write a dictionary of numbers, e.g. q1 = {"jem": 1, "wso": 1, "tfm": 1}.',
        "answer": {"jem": 10, "wso": 11, "tfm": 85},
        "explanation": ("Georgia went from 11 jail, 17 warrant-service and 3 task-force agreements on ICE's sheet of 18 "
                        "July 2025 to 21, 28 and 88 on the sheet of 9 October 2026: +10, +11 and +85. Georgia's HB 1105 "
                        "(2024) requires local agencies that run jails to seek agreements; the state counts do not say "
                        "which agencies added the 85 task-force agreements, so a memo should ask."),
        "hint": ('Filter load("agreements_by_state") to state_code == "GA", index by snapshot, and subtract the '
                 '"2025-07-18" row from the "2026-10-09" row for jem, wso and tfm.'),
        "section": f"{L}, section 2 (Agreements by model and their growth)",
        "sources": ["ice_287g_sheet_2025_07_18", "ice_287g_sheet_2026_10_09", "leitf_ga_hb1105_2024"],
    },
    "q2": {
        "kind": "choice",
        "form": 'Write one letter in quotes, e.g. q2 = "a".',
        "options": {
            "a": "Nothing: an agreement and an agency are the same thing.",
            "b": ("It mixes units: 571 is the number of agreements (one agency x one model), held by 467 agencies; "
                  "an agency with two models counts twice."),
            "c": "It should say 'more than 571', because ICE's sheets are lower bounds.",
            "d": "It should use the number of counties instead.",
        },
        "answer": "b",
        "explanation": ("On ICE's sheet of 16 May 2025 there were 571 agreements held by 467 agencies. An agreement is "
                        "one agency under one model, so an agency holding a jail and a task-force agreement counts "
                        "twice; say which unit you mean."),
        "feedback": {
            "a": ("They differ: the same sheet gives 571 agreements but 467 agencies, because some agencies hold "
                  "more than one model."),
            "c": "ICE's sheet is a list, not an estimate; the problem is the unit, not a bound.",
            "d": ("Counties are yet another unit (a county can have several agencies, or none); the fix is to say "
                  "'571 agreements held by 467 agencies'."),
        },
        "section": f"{L}, section 1 (Choose a jurisdiction: units)",
        "sources": ["ice_287g_sheets_2025_appelson"],
    },
    "q3": {
        "kind": "choice",
        "form": 'Write one letter in quotes, e.g. q3 = "a".',
        "options": {
            "a": "No joint immigration operation has taken place in Georgia.",
            "b": ("The course's operations table has no operation in Georgia; check news, the sheriff's office and "
                  "DHS releases before writing that there was none."),
            "c": "Georgia law forbids joint operations.",
            "d": "Georgia's agencies declined every operation DHS proposed.",
        },
        "answer": "b",
        "explanation": ("'None recorded' is a statement about the course data (11 operations, chosen because they were "
                        "widely reported), not about the world. Check a primary source before turning it into 'none "
                        "exists'."),
        "feedback": {
            "a": "That turns absence from a course table into a fact about the world; the table is not a census.",
            "c": ("Nothing in Georgia's laws in the course data forbids joint operations; HB 1105 pushes toward more "
                  "cooperation, not less."),
            "d": ("With no row there is no recorded local role at all; 'declined' would be a claim someone must have "
                  "made, with a source."),
        },
        "section": f"{L}, section 1 (absence) and section 4 (Operations nearby)",
        "sources": ["leitf_ga_hb1105_2024"],
    },
    "q4": {
        "kind": "mapping",
        "labels": DETAINER_ANSWERS,
        "form": ('Write a dictionary, e.g. q4 = {"detainer": "permitted", "detainer_with_admin_warrant": "permitted", '
                 '"judicial_warrant": "permitted"}.'),
        "answer": {"detainer": "required", "detainer_with_admin_warrant": "required", "judicial_warrant": "permitted"},
        "explanation": ("For a person due for release in Georgia, O.C.G.A. 42-1-11.5 (added by HB 1105, 2024) makes "
                        "sheriffs and jail wardens comply with ICE detainer notices, with or without the administrative "
                        "warrant; a judge-signed warrant is not a detainer at all, and the course records acting on it as "
                        "permitted. The course notes that whether the enacted text keeps a 48-hour cap was not checked."),
        "feedback": {
            "detainer": ("Georgia's statute, as the course records it, covers ICE detainer notices generally; the "
                         "'unsettled' answer for a bare detainer belongs to states such as Florida and North Carolina "
                         "whose laws turn on an attached warrant."),
            "detainer_with_admin_warrant": "O.C.G.A. 42-1-11.5 requires compliance; the warrant does not change that.",
            "judicial_warrant": ("A judge's warrant is its own authority to hold on the charge it names; the detainer "
                                 "rules do not govern it, and the course records it as permitted."),
        },
        "section": f"{L}, section 3 (State law and the detainer question)",
        "sources": ["leitf_ga_hb1105_2024", "cfr_8_287_7", "case_galarza_2014"],
    },
    "q5": {
        "kind": "numbers",
        "tolerance": 0.05,
        "form": 'Write a dictionary of numbers, e.g. q5 = {"per_100k": 1.0, "rank": 1}.',
        "answer": {"per_100k": 197.0, "rank": 12},
        "explanation": ("Georgia had 22,266 ICE administrative arrests from 1 January 2025 to 31 July 2026, 197.0 per "
                        "100,000 residents, 12th highest of the 51 places (50 states and DC) in the table."),
        "hint": ('Filter load("state_outcomes") to metric == "ice_admin_arrests"; read Georgia\'s per_100k; its rank is '
                 "1 + the number of places with a higher per_100k."),
        "section": f"{L}, section 4 (Operations nearby and the arrest rate)",
        "sources": ["konczal_ice_arrests_by_state_2026", "census_nst_est2025_alldata"],
    },
    "q6": {
        "kind": "multi",
        "form": 'Write a list of letters in quotes, e.g. q6 = ["a", "c"].',
        "options": {
            "a": "The scale of ICE arrests in the state relative to its population, for one period and one method.",
            "b": "How many of the arrests began with a jail hand-off or a 287(g) officer.",
            "c": "Whether Georgia's laws caused its rate to be higher than the median.",
            "d": "A comparison with states of a different size, over the same period.",
            "e": "How many of the people arrested lived in Georgia.",
        },
        "answer": ["a", "d"],
        "hint": "The rate divides arrests where ICE made them by all residents; ask what that can and cannot carry.",
        "explanation": ("The rate shows the scale of ICE arrests relative to population for one period and method, so "
                        "states of different size can be compared. It cannot show how an arrest began, where the person "
                        "lived, or whether a state's laws caused its rate."),
        "feedback": {
            "b": "The table has no split by arrest method (jail/CAP, 287(g), at-large).",
            "c": "A high rate next to a cooperation mandate is a correlation to explain, not proof of cause.",
            "e": ("Arrests are counted where ICE made them, not where the person lived; someone taken from a jail in "
                  "one state may live in another."),
        },
        "section": f"{L}, section 4 (Operations nearby and the arrest rate)",
        "sources": ["konczal_ice_arrests_by_state_2026"],
    },
    "q7": {
        "kind": "choice",
        "form": 'Write one letter in quotes, e.g. q7 = "a".',
        "options": {
            "a": "From the sheet of 18 July 2025 to the sheet of 9 June 2026.",
            "b": "From the sheet of 9 June 2026 to the sheet of 8 September 2026.",
            "c": "From the sheet of 8 September 2026 to the sheet of 9 October 2026.",
        },
        "answer": "b",
        "explanation": ("Georgia's total went 31, 73, 117, 137 on the four sheets: +42 over almost eleven months, +44 "
                        "over three months and +20 over one month. The bars are sheets, not evenly spaced dates, so read "
                        "the dates under them before comparing the steps."),
        "feedback": {
            "a": ("That step (+42, from 31 to 73) is a little smaller, and it covers almost eleven months; the bars are "
                  "not evenly spaced in time."),
            "c": "That step is +20 (from 117 to 137).",
        },
        "section": f"{L}, section 2 (Agreements by model and their growth)",
        "sources": ["ice_287g_sheet_2025_07_18", "ice_287g_sheet_2026_06_09", "ice_287g_sheet_2026_09_08",
                    "ice_287g_sheet_2026_10_09"],
    },
}
