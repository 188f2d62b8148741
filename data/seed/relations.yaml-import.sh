#!/bin/sh
# Load the files into an empty Neo4j database (the server stopped); run from this folder.
neo4j-admin database import full --nodes=relations.yaml-entities.csv --nodes=relations.yaml-sources.csv --relationships=relations.yaml-relations.csv --array-delimiter=';' --multiline-fields=true --overwrite-destination=false neo4j
