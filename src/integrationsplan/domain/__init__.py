"""The domain model: records, codes and pure rules, free of storage and Qt."""
