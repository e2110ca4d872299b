"""Answer key for exercise 05, joint operations and surges (lesson 05). Facts as of 2026-11-28 from the course
tables operations, operation_arrests, accounts and agreements_by_state. Conflicting accounts are never an answer
here: questions ask students to classify, count, attribute or compare them."""

L = "Lesson 05"

KEY = {
    "q1": {
        "kind": "choice",
        "form": 'Write one letter in quotes, e.g. q1 = "a".',
        "options": {
            "a": "A 287(g) task force made up of the sheriff's own deputies.",
            "b": "A federal surge: immigration agents sent into the city from elsewhere for weeks.",
            "c": "Both of them.",
            "d": "Neither of them: federal law requires local agencies to take part in both.",
        },
        "answer": "b",
        "explanation": ("A 287(g) task force exists only if the local agency signs an agreement with ICE, and 8 U.S.C. "
                        "1357(g)(9) says nobody has to. A surge can go ahead without local help: Boston's mayor and the "
                        "Mecklenburg County sheriff said their agencies did not take part, and the federal operations "
                        "went on."),
        "feedback": {
            "a": ("A task force of the sheriff's deputies needs the sheriff's office to sign a 287(g) agreement, which "
                  "8 U.S.C. 1357(g)(9) says it never has to do."),
            "c": ("Only one of them needs the local agency: the 287(g) task force rests on an agreement the agency "
                  "signs (8 U.S.C. 1357(g)(9) makes signing voluntary)."),
            "d": ("8 U.S.C. 1357(g)(9) says no state or locality is required to sign an agreement, and the "
                  "anti-commandeering rule bars Congress from ordering local officers to enforce federal law."),
        },
        "section": f"{L}, section 1 (Task forces, joint operations and surges: the words)",
        "sources": ["usc_8_1357", "case_printz_1997", "krdo_patriot2_20250907", "wsoc_mcso_statement_20251127"],
    },
    "q2": {
        "kind": "mapping",
        "labels": ["task_force", "joint_operation", "surge"],
        "form": ('Write a dictionary, e.g. q2 = {"deputy": "surge", "sweep": "surge", "agents": "surge"}.'),
        "answer": {"deputy": "task_force", "sweep": "joint_operation", "agents": "surge"},
        "explanation": ("A deputy using delegated immigration powers in ordinary duties is a 287(g) task force; several "
                        "agencies working together for a set period (Florida's April 2025 operation, run through 287(g) "
                        "agreements) is a joint operation; federal agents sent in from elsewhere for weeks or months, with "
                        "or without local help, is a surge (officers moved from New Orleans to Minneapolis in January "
                        "2026)."),
        "feedback": {
            "deputy": ("Questioning and arresting for immigration during ordinary duties, under ICE supervision, is the "
                       "287(g) Task Force Model; the agency itself becomes part of immigration enforcement."),
            "sweep": ("Many agencies combining for one week under a shared plan is a joint operation (compare Florida's "
                      "'Operation Tidal Wave', April 2025)."),
            "agents": ("Agents brought in from other regions for months, whatever the local police do, is a surge; the "
                       "police chief's refusal does not stop it."),
        },
        "section": f"{L}, section 1 (Task forces, joint operations and surges: the words)",
        "sources": ["nif_287g_revival_2025", "ice_287g_factsheet", "btimes_tidal_wave_20250427", "ap_catahoula_2026_01"],
    },
    "q3": {
        "kind": "numbers",
        "form": 'Write a dictionary of numbers, e.g. q3 = {"cooperated": 1, "declined": 1, "disputed": 1, "mixed": 1}.',
        "answer": {"cooperated": 2, "declined": 6, "disputed": 2, "mixed": 1},
        "explanation": ("Of the 11 operations in the course table, local agencies' role is recorded as declined in 6, "
                        "cooperated in 2 (Florida, Memphis), disputed in 2 (Washington DC, Minnesota) and mixed in 1 "
                        "(Louisiana). Each label is the course's one-word summary of attributed statements; read the "
                        "detail column before relying on it."),
        "hint": 'Use load("operations")["local_role"].value_counts().',
        "section": f"{L}, section 2 (The 2025-26 operations: what local agencies did)",
        "sources": ["btimes_tidal_wave_20250427", "krdo_patriot2_20250907", "wsoc_mcso_statement_20251127",
                    "nbc_catahoula_20251207", "startribune_jails_cooperation_20260213"],
    },
    "q4": {
        "kind": "numbers",
        "form": 'Write a dictionary of numbers, e.g. q4 = {"exact": 1, "approximate": 1, "lower_bound": 1}.',
        "answer": {"exact": 9, "approximate": 7, "lower_bound": 5},
        "explanation": ("Of the 21 reported arrest figures, 9 are recorded as exact, 7 as approximate ('about', 'way "
                        "closer to') and 5 as lower bounds ('over 1,100', 'more than 4,000', Memphis's 'more than "
                        "3,842'). None was independently "
                        "audited in the sources found; all are figures someone reported."),
        "hint": 'Use load("operation_arrests")["count_kind"].value_counts().',
        "section": f"{L}, section 3 (Reading an arrest count)",
        "sources": ["fox_tidal_wave_20250501", "wbrz_catahoula_20251216", "ap_catahoula_2026_01", "wkms_memphis_20251215"],
    },
    "q5": {
        "kind": "choice",
        "form": 'Write one letter in quotes, e.g. q5 = "a".',
        "options": {
            "a": "Nothing: both are official figures, so the comparison is fair.",
            "b": ("The figures count different things: the US Marshals' 3,842 covers all task-force arrests in Shelby "
                  "County, criminal and immigration, over about three months; the 370 is DHS's count of arrests so far "
                  "in one Border Patrol operation, as reported by AP. Neither was independently audited."),
            "c": "The New Orleans figure is a lower bound, so New Orleans was really more effective.",
            "d": "Memphis's figure should be divided by Memphis's population first; then the comparison is fair.",
        },
        "answer": "b",
        "explanation": ("Different reporters, scopes and periods: the Marshals' Memphis count covers criminal and "
                        "immigration arrests by all task-force agencies since September 2025, while DHS's New Orleans "
                        "figure (reported by AP) is immigration arrests in one operation against an internal goal of "
                        "5,000. The lesson says not to rank operations by these numbers."),
        "feedback": {
            "a": ("Being official does not make two counts comparable: they count different agencies, kinds of arrest "
                  "and periods, and no one audited either."),
            "c": ("The table records the New Orleans figures as approximate ('about 370', 'way closer to 350'), not as "
                  "lower bounds, and a bound would not fix the difference in scope."),
            "d": ("A rate does not fix a difference in what is counted: the Memphis figure includes criminal arrests by "
                  "31 agencies, the New Orleans one immigration arrests only."),
        },
        "section": f"{L}, section 3 (Reading an arrest count)",
        "sources": ["wkms_memphis_20251215", "ap_catahoula_2026_01", "mlk50_memphis_20251015"],
    },
    "q6": {
        "kind": "codes",
        "form": 'Write a list of two-letter codes in quotes, any order, e.g. q6 = ["TX", "FL"].',
        "answer": ["CA", "IL", "MA", "NC", "OR"],
        "explanation": ("With only 'declined' ticked the timeline shows 6 operations in 5 states: Massachusetts (two), "
                        "California, Illinois, Oregon and North Carolina. What was declined differs: street enforcement, "
                        "city property, jail bookings; read each operation's detail."),
        "hint": ("Untick every role except 'declined' and read the state in each label, or filter "
                 'load("operations") to local_role == "declined".'),
        "section": f"{L}, section 2 (the operations timeline)",
        "sources": ["krdo_patriot2_20250907", "latimes_la_leaders_2025_06", "townhall_ice_free_zones_20251006",
                    "wsoc_mcso_statement_20251127"],
    },
    "q7": {
        "kind": "numbers",
        "form": 'Write a dictionary of numbers, e.g. q7 = {"accounts": 1, "party_types": 1}.',
        "answer": {"accounts": 13, "party_types": 5},
        "explanation": ("The accounts table holds 13 dated statements on the 7 January 2026 Minneapolis shooting, from 5 "
                        "kinds of party: federal, state, county, city and media. The course records each as stated and "
                        "does not settle which is true."),
        "hint": ('Filter load("accounts") to incident_id == "mpls_good_20260107"; count the rows and the distinct '
                 "party_type values."),
        "section": f"{L}, section 5 (Contested incidents)",
        "sources": ["smartcitiesdive_mpls_2026_01", "startribune_state_review_20260109", "wjon_bca_withdraws_20260108"],
    },
    "q8": {
        "kind": "numbers",
        "form": 'Write a dictionary of numbers, e.g. q8 = {"tfm_2025": 1, "tfm_2026": 1, "total_2026": 1, "operations": 1}.',
        "answer": {"tfm_2025": 0, "tfm_2026": 12, "total_2026": 34, "operations": 1},
        "explanation": ("North Carolina had no task-force agreements on ICE's sheet of 18 July 2025 and 12 on the sheet of "
                        "9 October 2026, out of 34 agreements in all (one agreement = one agency x one model). The "
                        "operations table records one operation in the state, 'Charlotte's Web' (November 2025), with "
                        "the local role recorded as declined."),
        "hint": ('Filter load("agreements_by_state") to state_code == "NC" and the two snapshot dates; count '
                 'load("operations") rows with state_code == "NC".'),
        "section": f"{L}, sections 2 and 4; Lesson 02, section 4 (counting agreements)",
        "sources": ["ice_287g_sheet_2025_07_18", "ice_287g_sheet_2026_10_09", "wsoc_mcso_statement_20251127"],
    },
    "q9": {
        "kind": "mapping",
        "labels": ["ice", "mcca", "nsa", "mcfadden", "hennepin"],
        "form": ('Write a dictionary from each statement to a speaker, e.g. q9 = {"eyes": "ice", "federal_job": "ice", '
                 '"states_decide": "ice", "not_legal": "ice", "judicial_only": "ice"}.'),
        "answer": {"eyes": "ice", "federal_job": "mcca", "states_decide": "nsa", "not_legal": "mcfadden",
                   "judicial_only": "hennepin"},
        "explanation": ("Acting ICE Director Todd Lyons called 287(g) officers ICE's 'eyes and ears'; the Major Cities "
                        "Chiefs Association (2017) called civil immigration enforcement a federal responsibility; a "
                        "National Sheriffs' Association spokesperson said 'sanctuary' sheriff lists are unhelpful because "
                        "states decide; Mecklenburg County Sheriff Garry McFadden called a detainer 'not a legal "
                        "document'; Hennepin County's sheriff said her office alerts ICE only on a judge-signed warrant."),
        "feedback": {
            "eyes": "The 'eyes and ears' phrase is acting ICE Director Todd Lyons's, about Florida's April 2025 operation.",
            "federal_job": "That is the Major Cities Chiefs Association's 2017 statement on Texas SB 4.",
            "states_decide": "That is a National Sheriffs' Association spokesperson, quoted by Stateline in 2025.",
            "not_legal": ("That is Sheriff McFadden (November 2025), who also said North Carolina's HB 318 now mandates "
                          "cooperation."),
            "judicial_only": "That is Hennepin County's sheriff, in the Star Tribune's February 2026 survey.",
        },
        "section": f"{L}, section 4 (Police leaders disagree)",
        "sources": ["btimes_tidal_wave_20250427", "mcca_sb4_2017_06", "stateline_sheriffs_ice_2025_05",
                    "breitbart_mcfadden_detainer_20251118", "startribune_jails_cooperation_20260213"],
    },
}
