/**
 * What this machine has: cores, memory and load from OSHI, GPU memory from {@code nvidia-smi}; and the
 * {@link dev.tubebatch.machine.ResourceAdvisor} that turns them into workers, inference slots and a batch size.
 * A leaf: depends on no other feature.
 */
@NullMarked
package dev.tubebatch.machine;

import org.jspecify.annotations.NullMarked;
