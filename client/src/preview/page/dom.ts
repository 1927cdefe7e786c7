type Child = Node | string | null | undefined | false;

/** An element with attributes and children; strings become text nodes, never HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K, attributes: Record<string, string | boolean | undefined> = {}, ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** A button that runs `action` on click (and on Enter/Space, as buttons do). */
export function button(label: string, action: () => void, attributes: Record<string, string | boolean | undefined> = {}): HTMLButtonElement {
  const element = el('button', { type: 'button', 'aria-label': label, ...attributes }, label);
  element.addEventListener('click', action);
  return element;
}
