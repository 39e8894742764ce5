// An empty module: loaded first to warm up Node's module loader before timing an import.
