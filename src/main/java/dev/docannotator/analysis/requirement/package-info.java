/** Turns a free-text requirement in English or Chinese into the checks to run and the terms to find. */
package dev.docannotator.analysis.requirement;
