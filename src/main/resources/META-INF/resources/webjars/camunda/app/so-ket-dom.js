/*
 * What the so-ket scripts of Tasklist, Cockpit and Admin share to build their pages.
 */

/**
 * An element with its attributes (those null or undefined left out) and its children: elements, or
 * strings and numbers as text, never parsed as HTML.
 */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== undefined && child !== null) {
      node.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    }
  });
  return node;
}
