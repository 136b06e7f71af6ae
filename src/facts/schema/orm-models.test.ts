import { describe, expect, it } from 'vitest';
import { projectsFromTrees } from '../../../test/support/project-of.js';
import { ormModels, snakeCase } from './orm-models.js';

const projectOf = projectsFromTrees();

function summary(files: Record<string, string>): Record<string, string> {
  const models = ormModels(projectOf(files));
  return Object.fromEntries(models.map((model) => [model.cls.name, `${model.flavor} table=${model.hasTable ? (model.tableName ?? '?') : '-'} ${model.columns.map((column) => column.column).join(',')}`]));
}

describe('ormModels', () => {
  it('copies mixin and abstract-base columns into Flask-SQLAlchemy models, across files', () => {
    const models = summary({
      'app/extensions.py': 'from flask_sqlalchemy import SQLAlchemy\ndb = SQLAlchemy()\n',
      'app/mixins.py': 'from .extensions import db\n\nclass Stamped:\n    created_at = db.Column(db.DateTime)\n',
      'app/models.py': [
        'from .extensions import db',
        'from .mixins import Stamped',
        'class Record(db.Model):',
        '    __abstract__ = True',
        '    id = db.Column(db.Integer, primary_key=True)',
        'class APIKey(Stamped, Record):',
        '    label = db.Column("key_label", db.String(40))',
        '    owner = db.relationship("User")',
        '',
      ].join('\n'),
    });
    expect(models).toEqual({ Record: 'flask table=- id', APIKey: 'flask table=api_key created_at,id,key_label' });
  });

  it('keeps SQLModel fields of non-table bases, drops relationships and class variables', () => {
    const models = summary({
      'models.py': [
        'from typing import ClassVar, Optional',
        'from sqlmodel import Field, Relationship, SQLModel',
        'class HeroBase(SQLModel):',
        '    name: str',
        '    kind: ClassVar[str] = "hero"',
        'class Hero(HeroBase, table=True):',
        '    id: Optional[int] = Field(default=None, primary_key=True)',
        '    team: Optional["Team"] = Relationship(back_populates="heroes")',
        '',
      ].join('\n'),
    });
    expect(models).toEqual({ HeroBase: 'sqlmodel table=- name', Hero: 'sqlmodel table=hero name,id' });
  });

  it('reads SQLAlchemy 2.0 annotated columns and a DeclarativeBase root in another file', () => {
    const models = summary({
      'db.py': 'from sqlalchemy.orm import DeclarativeBase\n\nclass Base(DeclarativeBase):\n    pass\n',
      'models.py': [
        'from typing import List',
        'from sqlalchemy.orm import Mapped, mapped_column, relationship',
        'from db import Base',
        'class User(Base):',
        '    __tablename__ = "users"',
        '    id: Mapped[int] = mapped_column(primary_key=True)',
        '    nickname: Mapped[str]',
        '    posts: Mapped[List["Post"]] = relationship()',
        '',
      ].join('\n'),
    });
    expect(models).toEqual({ Base: 'declarative table=- ', User: 'declarative table=users id,nickname' });
  });

  it('survives inheritance cycles and a base that names itself', () => {
    const models = summary({
      'models.py': 'from django.db import models\n\nclass A(B):\n    x = models.IntegerField()\n\nclass B(A):\n    y = models.IntegerField()\n\nclass C(C, models.Model):\n    z = models.IntegerField()\n',
    });
    expect(models.C).toBe('django table=? z');
  });

  it('names tables like Flask-SQLAlchemy 3', () => {
    expect(['User', 'UserAccount', 'APIKey', 'HTTPRequestLog'].map(snakeCase)).toEqual(['user', 'user_account', 'api_key', 'http_request_log']);
  });
});
