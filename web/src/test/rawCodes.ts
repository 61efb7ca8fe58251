// Finds codes meant for machines (enum values, sub-group codes) in what a page shows a person. The page must name
// them in the chosen language; a code leaking through is a label someone forgot to translate.

/** Codes that must never be visible text on a page in Vietnamese. */
export const KNOWN_CODES = [
  // product groups
  'Food', 'Beverages', 'Herbal', 'Handicrafts', 'Ornamental', 'Tourism',
  // sub-groups used by the demo data
  'FreshProduce', 'Processed',
  // application statuses
  'Submitted', 'Approved', 'Waitlisted', 'Rejected', 'Withdrawn',
  // fair statuses and allocation modes
  'Draft', 'Published', 'RegistrationClosed', 'Live', 'Closed', 'FirstCome', 'Organiser',
  // certificate levels and states, producer kinds
  'District', 'Province', 'Central', 'ExpiringSoon', 'Expired', 'Cooperative', 'Enterprise', 'Household',
  // booth statuses and types
  'Held', 'Confirmed', 'Blocked', 'Standard', 'Corner', 'Premium', 'Outdoor',
  // notification kinds
  'booth.held', 'application.approved',
] as const;

/** The text a person sees: text nodes outside hidden, aria-hidden, script and style elements. */
export function visibleText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.textContent ?? '');
      return;
    }
    if (!(node instanceof Element)) return;
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return;
    if (node.tagName === 'SCRIPT' || node.tagName === 'STYLE' || node.tagName === 'TEMPLATE') return;
    node.childNodes.forEach(walk);
    parts.push(' ');
  };
  walk(root);
  return parts.join('').replace(/\s+/g, ' ');
}

/** The known codes that appear as whole words in the visible text of `root`. */
export function rawCodesIn(root: Element, codes: readonly string[] = KNOWN_CODES): string[] {
  const text = visibleText(root);
  return codes.filter((code) => new RegExp(`(^|[^\\p{L}\\p{N}.])${code.replace('.', '\\.')}($|[^\\p{L}\\p{N}])`, 'u').test(text));
}
