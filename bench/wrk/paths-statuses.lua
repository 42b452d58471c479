-- paths.lua that also tallies failed responses by status; the Lua call per response suits slow scenarios only.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "paths.lua")
response = require("report").response
