"""Answer key for exercise 01, the federal baseline (lesson 01). Facts as of 2026-11-28."""

L = "Lesson 01"

KEY = {
    "q1": {
        "kind": "choice",
        "form": 'Write one letter in quotes, e.g. q1 = "a".',
        "options": {
            "a": "The attached I-200 is a court order, so the jail must hold the person.",
            "b": ("The detainer asks the jail to keep the person up to 48 hours past release, not counting "
                  "weekends and holidays; courts have read it as a request, and holding the person is a new seizure."),
            "c": "The detainer obliges the jail to hold the person for as long as ICE needs to pick them up.",
            "d": "8 U.S.C. 1373 requires the jail to honor the detainer.",
        },
        "answer": "b",
        "explanation": ("The detainer regulation asks for notice and a hold of no more than 48 hours, excluding "
                        "weekends and holidays (8 C.F.R. 287.7). Galarza v. Szalczyk read it as a request, and "
                        "Miranda-Olivares held that a hold on a detainer alone was a new warrantless seizure."),
        "feedback": {
            "a": ("Form I-200 is an administrative warrant: an immigration officer signs it, not a judge "
                  "(8 C.F.R. 236.1; ICE policy 10074.2). It is not a court order."),
            "c": ("The regulation caps the hold at 48 hours beyond release, excluding weekends and holidays "
                  "(8 C.F.R. 287.7), and courts read it as a request (Galarza)."),
            "d": ("Section 1373 protects sharing information about citizenship or immigration status; it says "
                  "nothing about holding people on detainers (8 U.S.C. 1373)."),
        },
        "section": f"{L}, section 4 (Administrative warrants, judicial warrants and detainers)",
        "sources": ["cfr_8_287_7", "case_galarza_2014", "case_miranda_olivares_2014", "cfr_8_236_1",
                    "ice_policy_10074_2", "usc_8_1373"],
    },
    "q2": {
        "kind": "choice",
        "form": 'Write one letter in quotes, e.g. q2 = "a".',
        "options": {
            "a": "The WSO agreement, because the deputy is trained and works under ICE supervision.",
            "b": "8 U.S.C. 1357(g)(10), cooperation without an agreement.",
            "c": "The status-check rule the Supreme Court let stand in Arizona v. United States (SB 1070 sec. 2(B)).",
            "d": "None of these: the deputy has no power to make a civil immigration arrest at the roadside.",
        },
        "answer": "d",
        "explanation": ("A Warrant Service Officer may only serve an ICE administrative warrant on a person already "
                        "held in the officer's own jail (ICE's 2019 WSO announcement). Outside that, a local officer "
                        "may not detain or arrest someone for a civil immigration violation alone (Santos v. "
                        "Frederick County). The deputy may still ask ICE about status during the lawful stop, "
                        "without prolonging it (Arizona)."),
        "feedback": {
            "a": ("The WSO delegation is narrow: serving ICE's administrative warrant on someone already in the "
                  "agency's own jail. It carries no power on the street (ICE's 2019 WSO announcement)."),
            "b": ("Courts read 1357(g)(10) as preserving voluntary cooperation, not as an arrest power "
                  "(Wells v. DeMarco), and Arizona said it does not cover a state officer's unilateral arrest."),
            "c": ("Section 2(B) lets officers check status during an otherwise lawful stop; it gives no arrest "
                  "power and does not allow prolonging the stop to check (Arizona v. United States)."),
        },
        "section": f"{L}, sections 3.2 and 4 (four narrow routes; warrants and detainers)",
        "sources": ["ice_wso_launch_20190506", "case_santos_2013", "case_arizona_2012", "case_wells_demarco_2018"],
    },
    "q3": {
        "kind": "multi",
        "form": 'Write a list of letters in quotes, e.g. q3 = ["a", "d"].',
        "options": {
            "a": "Sec. 3: a state crime of failing to carry federal registration papers",
            "b": "Sec. 5(C): a state crime for an unauthorized worker to seek or do work",
            "c": "Sec. 6: warrantless state arrest of a person believed to have committed a removable offense",
            "d": "Sec. 2(B): officers must try to check status during lawful stops when they have reasonable suspicion",
        },
        "answer": ["a", "b", "c"],
        "explanation": ("The Court held sections 3, 5(C) and 6 preempted and let section 2(B) take effect, leaving "
                        "challenges to how it is applied open (Arizona v. United States, 2012)."),
        "feedback": {"d": ("Section 2(B) was not blocked on its face: the Court said it was too early to find a "
                           "conflict, and left as-applied challenges (such as prolonged stops) open.")},
        "hint": "Reread the table in section 5: which sections created new state crimes or arrest powers?",
        "section": f"{L}, section 5 (Arizona v. United States: what fell and what survived)",
        "sources": ["case_arizona_2012"],
    },
    "q4": {
        "kind": "codes",
        "form": 'Write a list of two-letter codes in quotes, e.g. q4 = ["CA", "IL"].',
        "answer": ["CA", "CO", "CT", "IL", "MA", "ME", "NJ", "NY", "OR", "WA"],
        "explanation": ("Ten states: California, Colorado, Connecticut, Illinois, Massachusetts, Maine, New Jersey, "
                        "New York, Oregon and Washington. Not all are statutes: New Jersey's is an attorney-general "
                        "directive, and Massachusetts and New York rest on court rulings (Lunn; Wells v. DeMarco); "
                        "the instrument column says which."),
        "hint": ('Filter state_laws on mechanism == "detainer_limit" and status in ["in_force", "upheld"], '
                 "then take the unique state_code values. Vetoed, pending and enjoined rows do not count."),
        "section": f"{L}, sections 4 and 6, and the explorer in section 8 (whose state rules cite these laws)",
        "sources": ["ca_sb54_2017", "il_trust_act_2017", "nj_ag_dir_2018_6", "case_lunn_2017", "case_wells_demarco_2018"],
    },
    "q5": {
        "kind": "number",
        "form": "Write a whole number, e.g. q5 = 2.",
        "answer": 3,
        "explanation": ("Three: a civil immigration arrest, serving an ICE administrative warrant in the jail, and a "
                        "civil arrest at a courthouse. Asking about status and sharing information are allowed; a "
                        "criminal immigration arrest and a hold on a detainer 'depend'."),
        "hint": ('Filter authority_rules on actor == "local_no_agreement", applies_when == "federal_baseline" '
                 'and answer == "not allowed", then count the rows.'),
        "feedback_values": [(2, "Close: check that you counted every action, including courthouse_civil_arrest."),
                            (7, "That counts every action; keep only the rows whose answer is 'not allowed'.")],
        "section": f"{L}, sections 3.2 and 8",
        "sources": ["case_santos_2013", "case_arizona_2012"],
    },
    "q6": {
        "kind": "prediction",
        "var": "q6_prediction",
        "labels": ["allowed", "not allowed", "required", "depends"],
        "form": 'Write "allowed", "not allowed", "required" or "depends".',
        "section": f"{L}, sections 4 and 6",
        "sources": [],
    },
    "q7": {
        "kind": "label",
        "labels": ["allowed", "not allowed", "required", "depends"],
        "form": 'Write "allowed", "not allowed", "required" or "depends".',
        "answer": "required",
        "explanation": ("Federal law makes a detainer a request (8 C.F.R. 287.7), so on its own the hold would be "
                        "allowed, not required. Texas law goes further: SB 4 (2017) requires a jail holding someone "
                        "subject to a detainer to comply with it, and the Fifth Circuit upheld that mandate on its face "
                        "(City of El Cenizo v. Texas, 2018). Each hold is still a new seizure that courts elsewhere "
                        "have said needs probable cause (Miranda-Olivares, D. Or. 2014)."),
        "feedback": {
            "allowed": ("That is the federal baseline alone (a detainer is a request). The state step changes it: "
                        "Texas SB 4 requires compliance."),
            "not allowed": ("That is California's answer (Gov't Code 7284.6(a)(1)(B)). Texas requires compliance "
                            "(SB 4, upheld in El Cenizo)."),
            "depends": ("Every fact this answer could turn on is set here (a detainer, release due, a jail), so "
                        "the explorer gives no branches: Texas SB 4 requires compliance."),
        },
        "section": f"{L}, sections 4 and 6",
        "sources": ["tx_sb4_2017", "case_el_cenizo_2018", "case_miranda_olivares_2014", "cfr_8_287_7"],
    },
}
