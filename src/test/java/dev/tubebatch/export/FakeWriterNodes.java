package dev.tubebatch.export;

import java.util.Set;

/** Writer nodes without a database: this node, and the other nodes that count as alive. */
record FakeWriterNodes(String self, Set<String> others) implements WriterNodes {

    /** A node alone: every other node's files are a dead writer's. */
    static FakeWriterNodes alone() {
        return new FakeWriterNodes("0000000a", Set.of());
    }

    @Override
    public boolean alive(String node) {
        return node.equals(self) || others.contains(node);
    }
}
