import { FIELD_SYNONYMS } from '../../shared/mapping/field-synonyms.ts';
import type { MappingProblem } from '../../shared/mapping/mapping-problem.ts';

/** One problem of a pushed mapping the sheet does not satisfy, by its path in the body. */
export function mappingProblemText(problem: MappingProblem): string {
  const at = `mapping.tabs.${problem.kind}`;
  switch (problem.code) {
    case 'mapping.sheetMissing':
      return `${at}.sheet: no tab named "${problem.sheet}" among the tabs sent`;
    case 'mapping.noHeaderRow':
      return `${at}.headerRow: no header row found on sheet "${problem.sheet}"`;
    case 'mapping.columnMissing':
      return `${at}.columns.${problem.field}: sheet "${problem.sheet}" has no column headed "${problem.column}" in its header row`;
    case 'mapping.unknownField':
      return `${at}.columns.${problem.field}: not a field of ${problem.kind} (expected one of ${Object.keys(FIELD_SYNONYMS[problem.kind]).join(', ')})`;
    case 'mapping.requiredMissing':
      return `${at}: sheet "${problem.sheet}" lacks what a ${problem.kind} tab needs (${problem.fields})`;
  }
}
