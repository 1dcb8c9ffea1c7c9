package dev.tubebatch.export;

/**
 * The processes that write output folders, on this machine or others sharing the output root. Every temporary file
 * a writer makes carries its node's id, so a folder written again can tell a killed writer's leftovers from a file
 * that a live writer is in the middle of.
 */
interface WriterNodes {

    /** This process's id: 8 lower-case hex digits. */
    String self();

    /**
     * Whether the node with this id is running, so that its temporary files may be writes in progress. When it
     * cannot be known (the database is unreachable), the answer is yes: a leftover kept is harmless, a live
     * writer's file deleted breaks its write.
     */
    boolean alive(String node);
}
