"""The one-time form token (plans/services.py): used once, in the write's transaction."""

import pytest
from django.core.exceptions import ValidationError

from plans.forms import issue_token, read_token
from plans.models import Role, SubmissionToken
from plans.services import AlreadySubmitted, submit_once, token_use
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def user(db):
    return factories.member(factories.office(), "finance", Role.FINANCE)


def test_a_token_is_used_once(user):
    key = read_token(issue_token(user), user)
    token_use(key=key, user=user)
    with pytest.raises(AlreadySubmitted):
        token_use(key=key, user=user)
    assert SubmissionToken.objects.filter(key=key).count() == 1


def test_a_refused_write_leaves_the_token_unused(user):
    def refused():
        raise ValidationError("ไม่ผ่าน")

    with pytest.raises(ValidationError):
        submit_once(key="k1", user=user, write=refused)
    assert not SubmissionToken.objects.filter(key="k1").exists()
    assert submit_once(key="k1", user=user, write=lambda: "ok") == "ok"
    with pytest.raises(AlreadySubmitted):
        submit_once(key="k1", user=user, write=lambda: "twice")


def test_a_token_belongs_to_its_user(user, django_user_model):
    other = django_user_model.objects.create_user("other")
    with pytest.raises(ValidationError):
        read_token(issue_token(other), user)
    with pytest.raises(ValidationError):
        read_token(issue_token(user)[:-1] + "x", user)
