-- Ranked search moved into the catalog process (Registry.Domain.Search.SearchIndex, fed from the change log): scoring
-- every match in SQL was too slow for broad queries, and the triggers that kept server_search current slowed every
-- publish. The index there is derived from servers and server_changes, so nothing here needs to be kept.
DROP TRIGGER servers_search_inserted ON servers;
DROP TRIGGER servers_search_updated ON servers;
DROP FUNCTION server_search_changed();
DROP FUNCTION server_search_refresh(TEXT[]);
DROP TABLE server_search;
DROP TABLE search_words;
DROP FUNCTION search_elements(JSONB);
DROP FUNCTION search_tokens(TEXT);
