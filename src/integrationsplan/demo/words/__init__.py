"""Word lists for the demo data, all invented: common names of each country combined at random, places in BW, texts."""
