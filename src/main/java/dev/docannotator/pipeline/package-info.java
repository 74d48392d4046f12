/** The staged read → analyse → apply generator, its events and its checkpoints. */
package dev.docannotator.pipeline;
