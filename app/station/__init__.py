"""What a candidate station keeps on its own disk: the journal of steps not yet at the centre."""
