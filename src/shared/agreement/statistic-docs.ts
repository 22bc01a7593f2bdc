/** A published source for a statistic. */
export interface StatisticReference {
  author: string
  year: number
  title: string
  source: string
}

/** What the app (and the README) says about one statistic. */
export interface StatisticDoc {
  name: string
  /** A short plain-English definition. */
  definition: string
  /** How the things being compared are put together. */
  units: string
  /** What is left out, and when there is no value. */
  excluded: string
  references: StatisticReference[]
}

export type StatisticKey =
  | 'span_f1'
  | 'cohen_kappa'
  | 'fleiss_kappa'
  | 'krippendorff_alpha_labels'
  | 'krippendorff_alpha_attributes'
  | 'unitizing_alpha'

const UNITS_OF_COMPARISON =
  'Units are built per article from the tags of the selected labels. Any two tags by different annotators that share at least one character may be linked; links are made from the largest shared stretch of text down (ties: same label first, then earlier position, then tag id), and a link is refused if it would give one annotator two tags in the same unit. Each group of linked tags is one unit, and a tag linked to nothing is a unit of its own. With two annotators this is the same one-to-one overlap matching as the overlap F1.'

/** Plain-English documentation of every statistic in the agreement report, with its reference. */
export const STATISTIC_DOCS: Readonly<Record<StatisticKey, StatisticDoc>> = {
  span_f1: {
    name: 'Precision, recall and F1 (exact and overlap)',
    definition:
      "How many tags the two annotators share. Under 'exact' two tags match when they start and end on the same character; under 'overlap' when they share at least one character. Tags must have the same label. Recall is the share of the first (reference) annotator's tags that the second also made, precision the share of the second annotator's tags that the first also made, and F1 = 2 × matches / (tags of both), which does not depend on who is the reference. F1 is used because agreement on 'no tag here' cannot be counted.",
    units:
      'Matching is one to one: a tag matches at most one tag of the other annotator. Overlap matching pairs tags greedily from the largest shared stretch of text down; ties go to the earlier start, then the earlier end, then the tag id. With more than two annotators every pair of annotators is matched and the counts are added up (pooled F1); precision and recall are then not given, as there is no single reference.',
    excluded:
      'Only articles coded by at least two of the selected annotators count; an annotator coded an article by tagging it or by marking it done with nothing to tag (then every unit is \'(no span)\' for them), and the articles only one coded are listed as left out. When neither annotator made a tag the figures are undefined, and precision (recall) is undefined when the second (first) annotator made no tag.',
    references: [
      {
        author: 'Hripcsak, G., & Rothschild, A. S.',
        year: 2005,
        title: 'Agreement, the F-measure, and reliability in information retrieval',
        source: 'Journal of the American Medical Informatics Association 12(3), 296–298'
      }
    ]
  },
  cohen_kappa: {
    name: "Cohen's kappa",
    definition:
      "Agreement between two annotators on the label of each unit, corrected for the agreement expected by chance from each annotator's own label frequencies: kappa = (observed − expected) / (1 − expected). 1 is perfect agreement, 0 is chance level, below 0 is worse than chance.",
    units: `${UNITS_OF_COMPARISON} An annotator with no tag in a unit is given the value '(no span)', so a tag only one annotator made counts as a disagreement. Per label, each unit is coded 'this label' or '(other)'.`,
    excluded:
      "Articles not tagged by both annotators are left out. There is no value when there are no units, or when both annotators gave every unit the same single label (chance agreement is then total and kappa is 0/0).",
    references: [
      { author: 'Cohen, J.', year: 1960, title: 'A coefficient of agreement for nominal scales', source: 'Educational and Psychological Measurement 20(1), 37–46' }
    ]
  },
  fleiss_kappa: {
    name: "Fleiss' kappa",
    definition:
      "Chance-corrected agreement for more than two annotators: the share of agreeing annotator pairs within each unit, averaged over units, compared with the agreement expected from the overall label frequencies. Read it like Cohen's kappa.",
    units: `${UNITS_OF_COMPARISON} Every annotator gives each unit a label or '(no span)'.`,
    excluded:
      "Fleiss' kappa needs the same annotators on every unit, so only articles tagged by all the selected annotators count; the others still count in Krippendorff's alpha and in the pairwise figures. There is no value when there are no such units or when everyone gave one and the same label throughout.",
    references: [
      { author: 'Fleiss, J. L.', year: 1971, title: 'Measuring nominal scale agreement among many raters', source: 'Psychological Bulletin 76(5), 378–382' }
    ]
  },
  krippendorff_alpha_labels: {
    name: "Krippendorff's alpha (labels)",
    definition:
      "Agreement on the label of each unit for any number of annotators, allowing for missing values: alpha = 1 − observed disagreement / disagreement expected by chance, both taken from the coincidence matrix of all pairs of values given to the same unit. 1 is perfect agreement, 0 is chance level. Labels are compared as nominal categories.",
    units: `${UNITS_OF_COMPARISON} An annotator who tagged the article but not this passage gives '(no span)'; an annotator who did not tag the article at all is missing for its units. Per label, each unit is coded 'this label' or '(other)'.`,
    excluded:
      'Units with fewer than two values cannot be paired and are dropped. There is no value when no unit has two values, or when every value is the same (no variation: Krippendorff leaves alpha undefined there).',
    references: [
      { author: 'Krippendorff, K.', year: 2011, title: "Computing Krippendorff's alpha-reliability", source: 'Annenberg School for Communication, University of Pennsylvania, Departmental Papers 43' }
    ]
  },
  krippendorff_alpha_attributes: {
    name: "Krippendorff's alpha (attributes)",
    definition:
      'Agreement on the value of one attribute of one label, using the distance that fits the attribute: nominal (same or different), ordinal (by rank, weighted by how many values lie between, using the order given in the codebook), interval (squared difference) or ratio (squared difference relative to the sum).',
    units:
      "The units of comparison in which at least one annotator used the label. Each annotator whose tag in the unit has that label contributes the tag's attribute value; annotators with another label or no tag there are missing. Multiple-choice values are compared as whole sets at the nominal level (['b', 'a'] and ['a', 'b'] agree; ['a'] and ['a', 'b'] do not). Dates (YYYY-MM-DD) count in days at the interval and ratio levels. Corpus-wide these are the units of all the included articles; per article, only that article's units, so a figure for one article rests on few values.",
    excluded:
      'Empty values are missing. Multiple-choice values at the ordinal, interval or ratio level, values not in the ordinal order, text that is not a number at the interval or ratio level, negative numbers at the ratio level, and object values (such as references) are left out and counted. Units with fewer than two values are dropped.',
    references: [
      { author: 'Krippendorff, K.', year: 2011, title: "Computing Krippendorff's alpha-reliability", source: 'Annenberg School for Communication, University of Pennsylvania, Departmental Papers 43' }
    ]
  },
  unitizing_alpha: {
    name: "Krippendorff's unitizing alpha (uα)",
    definition:
      "Agreement on where the tags of a label are in the text, character by character, without first pairing tags up. For each label, every annotator's text is split into tagged stretches and the gaps between them. Observed disagreement adds, for each pair of annotators, the squared differences between the starts and between the ends of overlapping tags, and the squared length of any tag that falls wholly inside the other annotator's gap; expected disagreement is the same over all possible placements of the tags and gaps. Per label this is Krippendorff's cu-alpha (2004 form); over all labels, uα = 1 − (sum of observed) / (sum of expected) disagreements.",
    units:
      "The continuum is the article text in characters (code points). Per article, it is that article's text with the annotators who tagged it. Corpus-wide, the articles tagged by all the selected annotators are laid end to end and treated as one text; for a pair of annotators, the articles both of them tagged. Overlapping tags of the same label by the same annotator are merged into one stretch (tags that only touch stay separate).",
    excluded:
      'Corpus-wide, articles not tagged by all the selected annotators are left out; for a pair, articles not tagged by both. There is no value for a label nobody used, for an empty text, or when every character is a one-character tag for everyone (no expected disagreement). The later refinements of Krippendorff et al. (2016) are not computed.',
    references: [
      { author: 'Krippendorff, K.', year: 1995, title: 'On the reliability of unitizing continuous data', source: 'Sociological Methodology 25, 47–76' },
      { author: 'Krippendorff, K.', year: 2004, title: 'Measuring the reliability of qualitative text analysis data', source: 'Quality & Quantity 38, 787–800' }
    ]
  }
}

/** "Author (year). Title. Source." for display. */
export function formatReference(ref: StatisticReference): string {
  return `${ref.author} (${ref.year}). ${ref.title}. ${ref.source}.`
}
