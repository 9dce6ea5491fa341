from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

SQLALCHEMY_DATABASE_URI = "postgresql+psycopg://analytics:1uMhuQQpDPzL2WFy89V5@acme-prod.cluster-c9xk2.eu-west-1.rds.amazonaws.com:5432/analytics"  # want secrets/database-url

engine = create_engine(SQLALCHEMY_DATABASE_URI, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine)
