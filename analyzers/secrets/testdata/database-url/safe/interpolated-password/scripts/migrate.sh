#!/usr/bin/env bash
psql "postgresql://postgres:${DB_PASSWORD}@db.abcd.supabase.co:5432/postgres" -f schema.sql
