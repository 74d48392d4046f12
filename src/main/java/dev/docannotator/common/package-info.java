/** Small shared pieces: the JSON mapper and the English/Chinese message bundles. */
package dev.docannotator.common;
