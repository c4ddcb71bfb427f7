// The end-to-end tests run in Node, but their page.evaluate callbacks run in the page: they use
// the DOM's types. Said here once, for the Node-side program that type-checks them.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
export {};
