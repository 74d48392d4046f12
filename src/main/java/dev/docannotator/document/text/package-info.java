/** Plain text and Markdown documents: strict UTF-8 reading and the HTML review page they are annotated into. */
package dev.docannotator.document.text;
